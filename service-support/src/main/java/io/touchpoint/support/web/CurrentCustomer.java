package io.touchpoint.support.web;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The signed-in customer, from the token's {@code customer_id} claim only; never from a path or query. */
@RequestScoped
public class CurrentCustomer {

    public static final String CLAIM = "customer_id";

    private final JsonWebToken token;

    public CurrentCustomer(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        Object claim = token.getClaim(CLAIM);
        if (claim != null) {
            String text = claim.toString().replace("\"", "");
            try {
                UUID id = UUID.fromString(text);
                if (id.toString().equals(text.toLowerCase(java.util.Locale.ROOT))) { // canonical form only
                    return id;
                }
            } catch (IllegalArgumentException ignored) {
                // same answer as a missing claim
            }
        }
        throw Problems.of(403, "no-customer-claim", "Not linked to a customer",
                "The token carries no valid " + CLAIM + " claim, so there is no profile to show.");
    }
}
