package io.touchpoint.gateway.pages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SameOriginFormsTest {

    @Test
    void onlyOurOwnOriginMaySendAForm() {
        assertThat(SameOriginForms.sameOrigin("same-origin", null, "127.0.0.1:8080")).isTrue();
        assertThat(SameOriginForms.sameOrigin("same-site", "http://127.0.0.1:8180", "127.0.0.1:8080"))
                .as("another port on the same host is another origin").isFalse();
        assertThat(SameOriginForms.sameOrigin("cross-site", "https://evil.example", "127.0.0.1:8080")).isFalse();
        assertThat(SameOriginForms.sameOrigin("none", null, "127.0.0.1:8080")).as("typed into the address bar").isFalse();
        assertThat(SameOriginForms.sameOrigin("same-origin", "https://evil.example", "127.0.0.1:8080"))
                .as("Fetch Metadata, set by the browser, is what counts").isTrue();
    }

    @Test
    void withoutFetchMetadataTheOriginMustBeTheHost() {
        assertThat(SameOriginForms.sameOrigin(null, "http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
        assertThat(SameOriginForms.sameOrigin(null, "http://127.0.0.1:8081", "127.0.0.1:8080")).isFalse();
        assertThat(SameOriginForms.sameOrigin(null, "null", "127.0.0.1:8080")).as("sandboxed or file page").isFalse();
        assertThat(SameOriginForms.sameOrigin(null, null, "127.0.0.1:8080")).as("neither header").isFalse();
        assertThat(SameOriginForms.sameOrigin(null, "::not a uri::", "127.0.0.1:8080")).isFalse();
    }
}
