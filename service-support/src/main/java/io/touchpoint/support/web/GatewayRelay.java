package io.touchpoint.support.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * Who the gateway relays, proven by the token it sent: the staff member's or customer's own token, exchanged by
 * the gateway for one with this service's audience (RFC 8693; docs/decisions/0015). The audience is checked by
 * quarkus-oidc; here the token must have been issued to the gateway (azp) and must itself hold what is claimed.
 * The gateway's own client-credentials token has the right audience and azp but no staff or customer role, so
 * holding the gateway's client secret opens nothing on its own.
 */
@RequestScoped
public class GatewayRelay {

    static final String AUTHORIZED_PARTY = "azp";

    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private final CurrentCustomer customer;
    private final String gatewayClient;

    public GatewayRelay(JsonWebToken token, SecurityIdentity identity, CurrentCustomer customer,
                        @ConfigProperty(name = "touchpoint.gateway.client-id", defaultValue = "staff-gateway") String gatewayClient) {
        this.token = token;
        this.identity = identity;
        this.customer = customer;
        this.gatewayClient = gatewayClient;
    }

    /** The declared acting staff, with the subject from the token, once the token proves the declared role. */
    public ActingStaff staff(ActingStaff declared) {
        requireGateway();
        // The token's roles as quarkus-oidc reads them (Keycloak's realm_access.roles, or groups), as @RolesAllowed does.
        if (declared.role == null || !identity.hasRole(declared.role)) {
            throw Problems.of(403, "acting-role-not-proven", "Acting role not proven",
                    "header X-Acting-Role names a role the token does not hold; the token exchanged for the staff member decides the role.");
        }
        declared.subject = token.getSubject();
        return declared;
    }

    /** The customer whose own (exchanged) token this is; never from a path or body. */
    public UUID customer() {
        requireGateway();
        return customer.id();
    }

    private void requireGateway() {
        Object azp = token.getClaim(AUTHORIZED_PARTY);
        if (azp == null || !gatewayClient.equals(azp.toString().replace("\"", ""))) {
            throw Problems.of(403, "not-relayed-by-gateway", "Not relayed by the gateway",
                    "This endpoint takes only a person's token exchanged by the staff-gateway for this service.");
        }
    }
}
