package io.touchpoint.recognition.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.touchpoint.recognition.support.Portal;
import io.touchpoint.recognition.support.RecognitionServiceTest;
import io.touchpoint.testsupport.Superuser;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service's own database connection, and then the owner, try to rewrite history, and fail. */
@RecognitionServiceTest
class ConsentLedgerAppendOnlyTest {

    @Inject
    EntityManager em;

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE consent_event SET expires_at = expires_at + interval '10 years'",
            "UPDATE consent_event SET kind = 'GRANT' WHERE kind = 'WITHDRAW'",
            "DELETE FROM consent_event",
            "DELETE FROM consent_event WHERE kind = 'WITHDRAW'",
            "TRUNCATE consent_event"})
    void theApplicationCannotChangeOrDeleteLedgerRows(String statement) {
        Portal customer = Portal.newCustomer();
        String consent = customer.grantAndGetConsentId("personalised-service", List.of("seat"), List.of("gate-agent"), List.of());
        customer.withdraw(consent).statusCode(200);
        List<?> before = ledger();

        // The service's role holds no UPDATE, DELETE or TRUNCATE grant on the ledger ...
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate()))
                .hasStackTraceContaining("permission denied");
        // ... and even the owner is stopped by the trigger (only disabling it, which the trail detects, gets through).
        assertThatThrownBy(() -> Superuser.run(statement)).hasMessageContaining("append-only");

        assertThat(ledger()).isEqualTo(before);
    }

    private List<?> ledger() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id, kind, expires_at, recorded_at FROM consent_event ORDER BY sequence").getResultList()
                .stream().map(row -> java.util.Arrays.asList((Object[]) row)).toList());
    }
}
