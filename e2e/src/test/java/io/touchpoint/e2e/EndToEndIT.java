package io.touchpoint.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.touchpoint.demo.DemoCustomers;
import io.touchpoint.verify.TouchpointVerify;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The product rules across the real system: Keycloak tokens, PostgreSQL, the three services as started
 * processes, the demo data, all from ./touchpoint up.
 */
class EndToEndIT {

    private static final Set<String> GATE_AGENT_SCOPE = Set.of("greeting", "tier", "itinerary", "preference-seat",
            "preference-assistance", "booked-services", "service-recovery-flag", "photo");

    @BeforeAll
    static void theStackIsUp() {
        Stack.start();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String gateway(String path) {
        return "http://127.0.0.1:" + Stack.GATEWAY + path;
    }

    private static String recognition(String path) {
        return "http://127.0.0.1:" + Stack.RECOGNITION + path;
    }

    private static String profile(String path) {
        return "http://127.0.0.1:" + Stack.PROFILE + path;
    }

    private static ValidatableResponse scan(String staffToken, String barcode) {
        return given().auth().oauth2(staffToken).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "BOARDING_PASS", "barcode", barcode),
                        "touchpoint", "GATE/A12", "purpose", "personalised-service", "device", "tablet-e2e"))
                .when().post(gateway("/api/cards")).then();
    }

    @Test
    void aGateAgentScansABoardingPassAndSeesExactlyTheGateAgentCard() {
        JsonPath card = scan(Keycloak.staff("gate.agent"), Stack.boardingPass("dev.demo")).statusCode(200).extract().jsonPath();

        Map<String, Object> fields = card.getMap("fields");
        assertThat(GATE_AGENT_SCOPE).containsAll(fields.keySet());
        assertThat(fields).containsKeys("greeting", "tier", "itinerary", "preference-seat").doesNotContainKey("preference-meal-drink");
        assertThat(card.getList("fields.itinerary")).as("today's flight").isNotEmpty();
        assertThat(card.getString("fields.greeting.familyName")).isEqualTo("Thistlewood");
    }

    @Test
    void aWithdrawnConsentIsGoneFromTheNextCardAndEveryLookIsVisibleAndProvable(@TempDir Path dir) throws Exception {
        String gateAgent = Keycloak.staff("gate.agent");
        String ada = Keycloak.customer("ada.demo");
        String barcode = Stack.boardingPass("ada.demo");
        assertThat(scan(gateAgent, barcode).statusCode(200).extract().jsonPath().getMap("fields")).containsKey("preference-seat");

        JsonPath consents = given().auth().oauth2(ada).when().get(recognition("/api/me/consents")).then().statusCode(200).extract().jsonPath();
        String consentId = consents.getString("active.find { it.purpose == 'personalised-service' }.consentId");
        given().auth().oauth2(ada).when().post(recognition("/api/me/consents/" + consentId + "/withdrawal")).then().statusCode(200);

        assertThat(scan(gateAgent, barcode).statusCode(200).extract().jsonPath().getMap("fields")).doesNotContainKey("preference-seat");

        JsonPath history = given().auth().oauth2(ada).when().get(gateway("/api/me/access-history")).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> looks = history.getList("looks");
        // Both scans are there (beside the demo traffic's looks at other touchpoints).
        assertThat(looks).filteredOn(look -> "GATE/A12".equals(look.get("touchpoint")) && "gate-agent".equals(look.get("role")))
                .hasSizeGreaterThanOrEqualTo(2);

        String auditor = Keycloak.auditor();
        List<String> recordIds = given().auth().oauth2(auditor).queryParam("customerId", DemoCustomers.ALL.getFirst().id())
                .when().get(gateway("/api/compliance/access-records")).then().statusCode(200).extract().jsonPath().getList("records.id");
        assertThat(recordIds).hasSizeGreaterThanOrEqualTo(2);

        // The trail: each record joins a signed tree within seconds; the offline verifier accepts its proof.
        Path key = Stack.ROOT.resolve("deploy/dev-keys/access-log.vkey");
        for (String id : recordIds) {
            String proof = eventually(() -> given().auth().oauth2(auditor).when().get(gateway("/api/trail/entries/" + id + "/proof")));
            Path file = Files.writeString(dir.resolve(id + ".json"), proof);
            assertThat(verify("inclusion", "--key", key.toString(), file.toString())).isZero();
        }
        String tree = JsonPath.from(Files.readString(dir.resolve(recordIds.getFirst() + ".json"))).getString("tree");
        given().auth().oauth2(auditor).when().post(gateway("/api/trail/trees/" + tree + "/verification")).then().statusCode(200)
                .body("intact", is(true));
        Path token = Files.writeString(dir.resolve("token"), auditor);
        assertThat(verify("witness", "--key", key.toString(), "--state", dir.resolve("witness").toString(),
                "--url", gateway(""), "--token-file", token.toString())).isZero();
    }

    @Test
    void theAccessTrailVerifiesAfterTheDemoLoadWithItsHistoryCountedAsImported() {
        String auditor = Keycloak.auditor();
        List<String> history = given().auth().oauth2(auditor).queryParam("customerId", DemoCustomers.ALL.get(1).id())
                .queryParam("limit", 500).when().get(gateway("/api/compliance/access-records")).then().statusCode(200)
                .extract().jsonPath().getList("records.requestId");
        assertThat(history).as("the demo history of Bram's card").anyMatch(id -> id.startsWith("demo-1-"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long imported = 0;
        List<String> trees = List.of();
        while (Instant.now().isBefore(deadline) && imported == 0) {
            trees = given().auth().oauth2(auditor).when().get(gateway("/api/trail")).then().statusCode(200)
                    .extract().jsonPath().getList("trees.tree");
            imported = 0;
            for (String tree : trees) {
                JsonPath report = given().auth().oauth2(auditor).when().post(gateway("/api/trail/trees/" + tree + "/verification"))
                        .then().statusCode(200).extract().jsonPath();
                assertThat(report.getBoolean("intact")).as("tree %s: %s", tree, report.getList("problems")).isTrue();
                imported += report.getLong("importedEntries");
            }
        }
        assertThat(imported).isPositive();
        assertThat(trees).hasSizeGreaterThan(1); // a year of history: one tree per month, and epochs
    }

    @Test
    void theConsentLedgerTrailVerifiesAfterTheDemoLoadWithItsHistoryCountedAsImported() {
        String auditor = Keycloak.auditor();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<String> trees;
        do { // the integrator works through the demo ledger in the background
            trees = given().auth().oauth2(auditor).when().get(recognition("/api/trail")).then().statusCode(200)
                    .extract().jsonPath().getList("trees.tree");
        } while (Instant.now().isBefore(deadline) && trees.size() < 2);
        assertThat(trees).isNotEmpty();
        long imported = 0;
        for (String tree : trees) {
            JsonPath report = given().auth().oauth2(auditor).when().post(recognition("/api/trail/trees/" + tree + "/verification"))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(report.getBoolean("intact")).as("tree %s: %s", tree, report.getList("problems")).isTrue();
            imported += report.getLong("importedEntries");
        }
        assertThat(imported).isPositive();
    }

    @Test
    void onlyASupervisorSearchesByNameAndOnlyWithAJustificationThatIsRecorded() {
        Map<String, Object> search = Map.of("familyName", "Marrowind", "touchpoint", "GATE/B7", "purpose", "personalised-service",
                "justification", "Passenger unwell at gate B7; the medical team needs the booking");
        given().auth().oauth2(Keycloak.staff("lounge.host")).contentType(ContentType.JSON).body(search)
                .when().post(gateway("/api/cards/search")).then().statusCode(403);
        given().auth().oauth2(Keycloak.staff("supervisor")).contentType(ContentType.JSON)
                .body(Map.of("familyName", "Marrowind", "touchpoint", "GATE/B7", "purpose", "personalised-service"))
                .when().post(gateway("/api/cards/search")).then().statusCode(400).contentType("application/problem+json")
                .body(org.hamcrest.Matchers.containsString("justification"));
        given().auth().oauth2(Keycloak.staff("supervisor")).contentType(ContentType.JSON).body(search)
                .when().post(gateway("/api/cards/search")).then().statusCode(200);

        List<Object> flagged = given().auth().oauth2(Keycloak.auditor()).queryParam("customerId", DemoCustomers.ALL.get(2).id())
                .queryParam("breakGlass", true).when().get(gateway("/api/compliance/access-records"))
                .then().statusCode(200).extract().jsonPath().getList("records");
        assertThat(flagged).isNotEmpty();
    }

    @Test
    void oneCustomersTokenReachesNothingOfAnothersInAnyService() {
        String ada = Keycloak.customer("ada.demo");
        String bram = Keycloak.customer("bram.demo");
        scan(Keycloak.staff("gate.agent"), Stack.boardingPass("ada.demo")).statusCode(200);

        String adasLook = eventually(() -> given().auth().oauth2(ada).when().get(gateway("/api/me/access-history")));
        UUID lookId = UUID.fromString(JsonPath.from(adasLook).getString("looks[0].id"));
        given().auth().oauth2(bram).when().get(gateway("/api/me/access-history/" + lookId + "/proof")).then().statusCode(404);
        assertThat(given().auth().oauth2(bram).when().get(gateway("/api/me/access-history")).then().statusCode(200)
                .extract().jsonPath().getList("looks.id")).doesNotContain(lookId.toString());

        JsonPath adasConsents = given().auth().oauth2(ada).when().get(recognition("/api/me/consents")).then().statusCode(200)
                .extract().jsonPath();
        List<String> adasReceipts = new java.util.ArrayList<>(adasConsents.getList("active.receipts.flatten()"));
        adasReceipts.addAll(adasConsents.getList("past.receipts.flatten()"));
        assertThat(adasReceipts).isNotEmpty();
        for (String receipt : adasReceipts) {
            given().auth().oauth2(bram).when().get(recognition("/api/me/receipts/" + receipt)).then().statusCode(404);
            given().auth().oauth2(bram).when().get(recognition("/api/me/receipts/" + receipt + "/proof")).then().statusCode(404);
        }
        String bramsExport = given().auth().oauth2(bram).when().get(profile("/api/me/export")).then().statusCode(200).extract().asString();
        assertThat(bramsExport).contains("Oakhollow").doesNotContain("Quillfeather");

        given().auth().oauth2(bram).when().get(gateway("/api/trail")).then().statusCode(403);
        given().auth().oauth2(bram).contentType(ContentType.JSON).body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER",
                "loyaltyNumber", "TP00000001"), "touchpoint", "GATE/A1", "purpose", "personalised-service"))
                .when().post(gateway("/api/cards")).then().statusCode(403);
    }

    @Test
    void tokensForAnotherServiceFromAnotherIssuerOrWithAForgedSignatureAreRefused() throws Exception {
        String tablet = Keycloak.staff("gate.agent"); // audience staff-gateway only
        given().auth().oauth2(tablet).when().get(recognition("/api/catalogue")).then().statusCode(401);
        given().auth().oauth2(tablet).when().get(profile("/api/me/export")).then().statusCode(401);
        String service = Keycloak.clientCredentials("staff-gateway", "local-only-secret"); // audiences profile, recognition
        given().auth().oauth2(service).contentType(ContentType.JSON).body(Map.of()).when().post(gateway("/api/cards")).then().statusCode(401);

        // Another issuer: a token of the same Keycloak's master realm.
        given().auth().oauth2(Keycloak.admin()).when().get(gateway("/api/me/access-history")).then().statusCode(401);

        String[] parts = tablet.split("\\.");
        String alteredPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("gate-agent", "supervisor").getBytes());
        given().auth().oauth2(parts[0] + "." + alteredPayload + "." + parts[2]).when().get(gateway("/api/me/access-history"))
                .then().statusCode(401);

        // Signed by a key Keycloak never had, with Keycloak's own key id.
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.generateKeyPair().getPrivate());
        rsa.update((parts[0] + "." + parts[1]).getBytes());
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        given().auth().oauth2(forged).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP00000001"),
                        "touchpoint", "GATE/A1", "purpose", "personalised-service"))
                .when().post(gateway("/api/cards")).then().statusCode(401);
    }

    @Test
    void aCardWorksThroughRealTokenExchangeAndTheGatewaySecretGetsNothing() {
        String gateAgent = Keycloak.staff("gate.agent");
        String barcode = Stack.boardingPass("dev.demo");
        // The card's two hops go through Keycloak's token exchange: without it there is no card.
        JsonPath card = scan(gateAgent, barcode).statusCode(200).extract().jsonPath();
        assertThat(card.getString("fields.greeting.familyName")).isEqualTo("Thistlewood");
        String customerId = DemoCustomers.ALL.get(3).id().toString();

        // What the exchange gives the gateway: the gate agent, the gate agent's roles, the gateway as authorized party,
        // and only the one service's audience.
        String exchanged = Keycloak.exchange(gateAgent, "profile-service");
        JsonPath claims = Keycloak.claims(exchanged);
        assertThat(claims.getString("sub")).isEqualTo(Keycloak.claims(gateAgent).getString("sub"));
        assertThat(claims.getString("azp")).isEqualTo("staff-gateway");
        assertThat(claims.getList("realm_access.roles", String.class)).contains("gate-agent");
        Object audience = claims.get("aud");
        assertThat(String.valueOf(audience)).contains("profile-service").doesNotContain("recognition-service");
        // The exchanged token holds the gate agent's role, not a supervisor's.
        given().auth().oauth2(exchanged).header("X-Acting-Role", "supervisor").header("X-Touchpoint", "GATE/A12")
                .header("X-Purpose", "personalised-service").contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "CUSTOMER_ID", "customerId", customerId),
                        "justification", "Checking a passenger who collapsed at gate A12, medical team request"))
                .when().post(profile("/api/card-projections")).then().statusCode(403);

        // The attacker holds the gateway's client secret and forges every header.
        String secret = Keycloak.clientCredentials("staff-gateway", Keycloak.GATEWAY_SECRET);
        given().auth().oauth2(secret).header("X-Acting-Subject", Keycloak.claims(gateAgent).getString("sub"))
                .header("X-Acting-Role", "gate-agent").header("X-Touchpoint", "GATE/A12").header("X-Purpose", "personalised-service")
                .contentType(ContentType.JSON).body(Map.of("presented", Map.of("type", "BOARDING_PASS", "barcode", barcode)))
                .when().post(profile("/api/card-projections")).then().statusCode(403).contentType("application/problem+json")
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Thistlewood")));
        given().auth().oauth2(secret).header("X-Acting-Role", "supervisor").header("X-Touchpoint", "GATE/B7")
                .header("X-Purpose", "personalised-service").contentType(ContentType.JSON)
                .body(Map.of("familyName", "Thistlewood", "justification", "Anything at all, the headers say supervisor anyway"))
                .when().post(profile("/api/card-projections/search")).then().statusCode(403);
        given().auth().oauth2(secret).header("X-Acting-Role", "gate-agent").header("X-Touchpoint", "GATE/A12")
                .header("X-Purpose", "personalised-service").contentType(ContentType.JSON).body(Map.of("customerId", customerId))
                .when().post(recognition("/api/recognitions")).then().statusCode(403);
        // ...and tries to erase: no service starts an erasure for it, or completes one nobody asked for.
        for (String service : List.of(profile(""), recognition(""))) {
            assertThat(given().auth().oauth2(secret).when().post(service + "/api/erasures/" + customerId).then().extract().statusCode())
                    .isNotEqualTo(200);
            given().auth().oauth2(secret).when().put(service + "/api/erasures/" + UUID.randomUUID()).then().statusCode(403);
            given().auth().oauth2(secret).when().post(service + "/api/erasures/" + customerId + "/completion").then().statusCode(404);
        }
        // Nothing was erased: the card is still there, and recognition still answers for the real gate agent.
        scan(gateAgent, barcode).statusCode(200).body("fields.greeting.familyName", is("Thistlewood"));
    }

    @Test
    void aReadAroundTheGatewayWithItsSecretAndAStaffSignInIsFound() throws InterruptedException {
        String gateAgent = Keycloak.staff("gate.agent");
        String subject = Keycloak.claims(gateAgent).getString("sub");
        String barcode = Stack.boardingPass("cleo.demo");
        Thread.sleep(6000); // every earlier read has settled and been reconciled (2 s settled, every 2 s here)
        long before = readsAroundTheGateway(subject);

        scan(gateAgent, barcode).statusCode(200); // the honest look: both hops, one record, no finding
        // The attacker holds the gateway's client secret and the gate agent's live sign-in: they exchange the token by
        // hand and read at profile-service, with no admission and no access record. The read works...
        String exchanged = Keycloak.exchange(gateAgent, "profile-service");
        given().auth().oauth2(exchanged).header("X-Acting-Role", "gate-agent").header("X-Touchpoint", "GATE/A12")
                .header("X-Purpose", "personalised-service").contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "BOARDING_PASS", "barcode", barcode)))
                .when().post(profile("/api/card-projections")).then().statusCode(200);

        // ...and within a few reconciliation runs the reviewer's report names whose sign-in was used, for that read only.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (readsAroundTheGateway(subject) == before && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        Thread.sleep(6000); // the honest look's reads have been reconciled too
        assertThat(readsAroundTheGateway(subject)).isEqualTo(before + 1);
        given().when().get(gateway("/q/health/group/trail")).then().statusCode(503)
                .body("checks.find { it.name == 'relayed-reads' }.status", is("DOWN"));
    }

    /** The unusual-access report's count of reads around the gateway under this staff member's sign-in, this past hour. */
    private static long readsAroundTheGateway(String subject) {
        JsonPath report = given().auth().oauth2(Keycloak.auditor())
                .queryParam("from", Instant.now().minus(Duration.ofHours(1)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofMinutes(1)).toString())
                .when().get(gateway("/api/compliance/access-records/unusual")).then().statusCode(200).extract().jsonPath();
        Object count = report.get("find { it.rule == 'read-around-the-gateway' && it.staffSubject == '" + subject + "' }.count");
        return count == null ? 0 : ((Number) count).longValue();
    }

    @Test
    void oneErasureRequestReachesEveryServiceAndTheTrailStillVerifies() {
        String eun = Keycloak.customer("eun.demo");
        String gateAgent = Keycloak.staff("gate.agent");
        String barcode = Stack.boardingPass("eun.demo");
        scan(gateAgent, barcode).statusCode(200);

        JsonPath receipt = given().auth().oauth2(eun).when().post(gateway("/api/me/erasure")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(receipt.getBoolean("complete")).isTrue();
        assertThat(receipt.getList("services.service")).containsExactlyInAnyOrder("profile-service", "recognition-service");
        assertThat(receipt.getList("services.status")).containsOnly("DONE");

        scan(gateAgent, barcode).statusCode(404);
        given().auth().oauth2(gateAgent).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "LOYALTY_NUMBER", "loyaltyNumber", "TP00000005"),
                        "touchpoint", "GATE/A12", "purpose", "personalised-service"))
                .when().post(gateway("/api/cards")).then().statusCode(404);
        given().auth().oauth2(eun).when().get(recognition("/api/me/preferences")).then().statusCode(200).body("size()", is(0));
        // The trail keeps the looks under the pseudonymous id, and still verifies.
        String auditor = Keycloak.auditor();
        List<String> looks = given().auth().oauth2(auditor).queryParam("customerId", DemoCustomers.ALL.get(4).id())
                .when().get(gateway("/api/compliance/access-records")).then().statusCode(200).extract().jsonPath().getList("records.id");
        assertThat(looks).isNotEmpty();
        String proof = eventually(() -> given().auth().oauth2(auditor).when().get(gateway("/api/trail/entries/" + looks.getLast() + "/proof")));
        given().auth().oauth2(auditor).when().post(gateway("/api/trail/trees/" + JsonPath.from(proof).getString("tree") + "/verification"))
                .then().statusCode(200).body("intact", is(true));
    }

    @Test
    void anExpiredTokenIsRefusedEverywhere() throws InterruptedException {
        String token;
        Keycloak.accessTokenLifespan(2);
        try {
            token = Keycloak.customer("cleo.demo");
        } finally {
            Keycloak.accessTokenLifespan(300);
        }
        given().auth().oauth2(token).when().get(gateway("/api/me/access-history")).then().statusCode(200);
        Thread.sleep(4_000);
        given().auth().oauth2(token).when().get(gateway("/api/me/access-history")).then().statusCode(401);
        given().auth().oauth2(token).when().get(recognition("/api/me/consents")).then().statusCode(401);
        given().auth().oauth2(token).when().get(profile("/api/me/export")).then().statusCode(401);
    }

    @Test
    void cardsDegradeWithoutRecognitionAndFailClosedWithoutProfile() {
        String gateAgent = Keycloak.staff("gate.agent");
        String barcode = Stack.boardingPass("dev.demo");
        try {
            Stack.kill("recognition-service");
            JsonPath card = scan(gateAgent, barcode).statusCode(200).extract().jsonPath();
            assertThat(card.getBoolean("preferencesUnavailable")).isTrue();
            assertThat(card.getMap("fields")).containsKey("greeting").doesNotContainKey("preference-seat");
        } finally {
            Stack.restart("recognition-service");
        }
        // Back: preferences return once the circuit breaker lets calls through again (it waits 5 s).
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Object> fields = Map.of();
        while (Instant.now().isBefore(deadline) && !fields.containsKey("preference-seat")) {
            fields = scan(gateAgent, barcode).statusCode(200).extract().jsonPath().getMap("fields");
        }
        assertThat(fields).containsKey("preference-seat");

        String subject = JsonPath.from(new String(Base64.getUrlDecoder().decode(gateAgent.split("\\.")[1]))).getString("sub");
        String auditor = Keycloak.auditor();
        java.util.function.IntSupplier served = () -> given().auth().oauth2(auditor).queryParam("staffSubject", subject)
                .queryParam("outcome", "SERVED").queryParam("limit", 500).when().get(gateway("/api/compliance/access-records"))
                .then().statusCode(200).extract().jsonPath().getList("records").size();
        int before = served.getAsInt();
        try {
            Stack.kill("profile-service");
            scan(gateAgent, barcode).statusCode(503).contentType("application/problem+json");
            assertThat(served.getAsInt()).as("no record claims a card was shown").isEqualTo(before);
        } finally {
            Stack.restart("profile-service");
        }
        Instant back = Instant.now().plus(Duration.ofSeconds(60));
        int status = 0;
        while (Instant.now().isBefore(back) && status != 200) {
            status = scan(gateAgent, barcode).extract().statusCode();
        }
        assertThat(status).isEqualTo(200);
    }

    private static int verify(String... args) {
        StringWriter out = new StringWriter();
        int status = TouchpointVerify.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
        System.out.println(out);
        return status;
    }

    /** The body once the call answers 200, for what becomes true within seconds (the trail's integration). */
    private static String eventually(java.util.function.Supplier<io.restassured.response.Response> call) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            io.restassured.response.Response response = call.get();
            if (response.statusCode() == 200 && !response.asString().contains("\"looks\":[]")) {
                return response.asString();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still " + response.statusCode() + " after 30 s: " + response.asString());
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
