package io.touchpoint.recognition.support;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.touchpoint.testsupport.EmbeddedPostgresResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A {@code @QuarkusTest} on a real PostgreSQL and the test OIDC server; one app start for all classes. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = {@ResourceArg(name = "app-role", value = "recognition_app"),
        @ResourceArg(name = "integrator-role", value = "recognition_integrator"), @ResourceArg(name = "auditor-role", value = "recognition_auditor")})
@WithTestResource(OidcWiremockTestResource.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RecognitionServiceTest {
}
