package io.touchpoint.demo;

import java.util.List;
import java.util.UUID;

/**
 * The five named demo customers, the same in the Keycloak realm (deploy/keycloak: their customer_id claims) and
 * here. Invented names; each shows one consent situation.
 */
public final class DemoCustomers {

    public enum Consent { GRANTED, WITHDRAWN, EXPIRED, EXPIRING_SOON, NONE }

    public record Named(UUID id, String username, String givenName, String familyName, String loyaltyNumber, Consent consent) {
    }

    public static final List<Named> ALL = List.of(
            new Named(UUID.fromString("0d1e6a52-3b7c-4e2f-9a10-000000000001"), "ada.demo", "Ada", "Quillfeather", "TP00000001", Consent.GRANTED),
            new Named(UUID.fromString("0d1e6a52-3b7c-4e2f-9a10-000000000002"), "bram.demo", "Bram", "Oakhollow", "TP00000002", Consent.WITHDRAWN),
            new Named(UUID.fromString("0d1e6a52-3b7c-4e2f-9a10-000000000003"), "cleo.demo", "Cleo", "Marrowind", "TP00000003", Consent.EXPIRED),
            new Named(UUID.fromString("0d1e6a52-3b7c-4e2f-9a10-000000000004"), "dev.demo", "Dev", "Thistlewood", "TP00000004", Consent.EXPIRING_SOON),
            new Named(UUID.fromString("0d1e6a52-3b7c-4e2f-9a10-000000000005"), "eun.demo", "Eun", "Brightwater", "TP00000005", Consent.NONE));

    private DemoCustomers() {
    }
}
