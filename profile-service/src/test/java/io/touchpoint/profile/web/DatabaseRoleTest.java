package io.touchpoint.profile.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.touchpoint.profile.support.ProfileServiceTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service's own connection (profile_app) reads and writes customer data and can do nothing else. */
@ProfileServiceTest
class DatabaseRoleTest {

    @Inject
    EntityManager em;

    @ParameterizedTest
    @ValueSource(strings = {
            "DROP TABLE customer CASCADE",
            "TRUNCATE customer CASCADE",
            "ALTER TABLE customer ADD COLUMN leaked text",
            "CREATE TABLE shadow_copy AS SELECT * FROM customer",
            "DELETE FROM flyway_schema_history"})
    void theServiceRoleCannotChangeTheSchemaOrItsHistory(String statement) {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate()))
                .satisfies(refused -> assertThat(org.assertj.core.util.Throwables.getStackTrace(refused))
                        .containsAnyOf("permission denied", "must be owner"));
        Object tables = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'leaked'").getSingleResult());
        assertThat(((Number) tables).longValue()).isZero();
    }
}
