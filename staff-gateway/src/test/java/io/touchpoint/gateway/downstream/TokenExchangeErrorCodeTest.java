package io.touchpoint.gateway.downstream;

import io.quarkus.oidc.client.OidcClientException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed exchange is logged by its OAuth error code only: the provider's description may name the user. */
class TokenExchangeErrorCodeTest {

    @Test
    void onlyTheErrorCodeOfTheProvidersAnswerIsKept() {
        OidcClientException refused = new OidcClientException("Server returned 400: {\"error\":\"unauthorized_client\","
                + "\"error_description\":\"User ada.demo is not allowed to exchange\"}");

        assertThat(TokenExchange.errorCode(refused)).isEqualTo("unauthorized_client");
    }

    @Test
    void anAnswerWithoutACodeSaysSo() {
        assertThat(TokenExchange.errorCode(new OidcClientException("connection reset"))).isEqualTo("no error code");
        assertThat(TokenExchange.errorCode(new OidcClientException((String) null))).isEqualTo("no error code");
    }
}
