package io.touchpoint.gateway.downstream;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The signed-in person's own access token, for the API's bearer tokens and the pages' code-flow sessions alike.
 * Only ever passed to the token exchange, never downstream as it is and never logged.
 */
@RequestScoped
public class SubjectToken {

    private final SecurityIdentity identity;

    public SubjectToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The raw access token, or null when the request was not signed in. */
    public String raw() {
        AccessTokenCredential credential = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }
}
