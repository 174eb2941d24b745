package io.touchpoint.gateway.support;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchpoint.testsupport.EmbeddedPostgresResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code @QuarkusTest} on a real PostgreSQL where the service connects as gateway_app, a role that may only
 * add and read access records, and Flyway migrates as the owner; with the test OIDC server (answering the token
 * exchange too) and stubs of the two downstream services.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = {@ResourceArg(name = "app-role", value = "gateway_app"),
        @ResourceArg(name = "integrator-role", value = "gateway_integrator"), @ResourceArg(name = "auditor-role", value = "gateway_auditor")})
@WithTestResource(GatewayOidc.class)
@WithTestResource(DownstreamStubs.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface GatewayTest {
}
