package io.touchpoint.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three pages in headless Chromium against the stack the README's run command starts: each persona signs in
 * on the real Keycloak login page (authorization code flow with PKCE) and does their main task, and the test
 * checks what is on screen and what must not be. Screenshots land in e2e/target/screenshots.
 */
class PagesIT {

    /** Places unique to this run, so that what a test counts is its own doing. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100000);

    @BeforeAll
    static void theStackAndABrowserAreThere() {
        Stack.start();
        assertThat(Browser.available()).as("Chromium and ChromeDriver are needed: ./touchpoint test installs them "
                + "(apt-get install chromium chromium-driver)").isTrue();
    }

    /** After every page test: what was shown or typed (names, barcodes, justifications) is in no service's log. */
    @AfterAll
    static void noServiceLoggedWhatThePagesShowedOrWereTold() throws java.io.IOException {
        List<String> secrets = List.of("Marrowind", "Thistlewood", "Quillfeather", "Oakhollow",
                Stack.boardingPass("cleo.demo").substring(0, 22), Stack.boardingPass("dev.demo").substring(0, 22),
                "identity confirmed by the crew", "I just want to look at this card", "browse customers by name");
        try (var logs = java.nio.file.Files.list(Stack.HOME.resolve("logs"))) {
            for (java.nio.file.Path log : logs.filter(p -> p.getFileName().toString().matches("(staff-gateway|profile-service|recognition-service).*\\.log")).toList()) {
                String text = java.nio.file.Files.readString(log);
                assertThat(text).as(log.getFileName() + " was written").isNotEmpty();
                assertThat(text).as(log.getFileName().toString()).doesNotContain(secrets);
            }
        }
    }

    @Test
    void theLandingPageLoadsNothingFromElsewhereAndPassesTheAudit() {
        try (Browser browser = Browser.laptop()) {
            browser.driver.get(Browser.gateway("/"));
            assertThat(browser.all("a.face-link")).hasSize(3);
            assertThat(browser.foreignResources()).isEmpty();
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("landing");
            browser.driver.get(Browser.gateway("/session-ended"));
            assertThat(browser.all("[data-state=session-ended]")).hasSize(1);
            browser.screenshot("session-ended");
        }
    }

    /**
     * The chain the product exists for: the customer consents in the portal, the gate sees the seat chip, the
     * lounge never does; the customer withdraws, the chip is gone; the customer sees every look.
     */
    @Test
    void aWithdrawalInThePortalTakesTheChipOffTheTabletAndTheCustomerSeesEveryLook() {
        String barcode = Stack.boardingPass("cleo.demo");
        try (Browser portal = Browser.laptop(); Browser gate = Browser.tablet(); Browser lounge = Browser.tablet()) {
            portal.open("/portal", "cleo.demo");
            portal.waitFor(By.id("preferences-title"));
            new Select(portal.driver.findElement(By.id("pref-seat.position"))).selectByValue("aisle");
            portal.submit("#save-preferences");
            assertThat(portal.one("[data-state=done]").getText()).contains("preferences are saved");
            if (Stack.ALREADY_RUNNING && !portal.all(".consent[data-purpose=personalised-service] form[action$=withdrawal]").isEmpty()) {
                portal.submit(".consent[data-purpose=personalised-service] form[action$=withdrawal] button"); // an earlier run's
            }
            assertThat(portal.all(".consent[data-purpose=personalised-service] [data-state=consent-active]"))
                    .as("Cleo's earlier consent has expired").isEmpty();
            portal.submit(".consent[data-purpose=personalised-service] button[type=submit]");
            assertThat(portal.one("[data-state=done]").getText()).contains("Consent given");
            assertThat(portal.all(".consent[data-purpose=personalised-service] [data-state=consent-active]")).hasSize(1);
            assertThat(portal.all("[data-role=gate-agent] [data-preference='seat.position']")).as("preview, gate").hasSize(1);
            assertThat(portal.all("[data-role=lounge-host] [data-preference='seat.position']"))
                    .as("preview, lounge: its scope has no seat field").isEmpty();
            assertThat(portal.foreignResources()).isEmpty();
            assertThat(portal.accessibilityViolations()).isEmpty();
            portal.screenshot("portal");

            stand(gate, "gate.agent", "GATE", "B" + RUN);
            assertThat(gate.accessibilityViolations()).as("scan screen").isEmpty();
            scan(gate, barcode);
            assertThat(gate.all("[data-state=card]")).hasSize(1);
            assertThat(gate.one("#greeting").getText()).contains("Marrowind");
            assertThat(gate.all("[data-preference='seat.position']")).as("the gate sees the consented seat").hasSize(1);
            assertThat(gate.one("[data-state=recorded]").getText()).contains("recorded").contains("customer can see");
            assertThat(gate.one("[data-station]").getText()).contains("Gate B" + RUN);
            assertThat(gate.foreignResources()).isEmpty();
            assertThat(gate.accessibilityViolations()).as("card").isEmpty();
            gate.screenshot("tablet-card-gate-agent");

            stand(lounge, "lounge.host", "LOUNGE", "L" + RUN);
            scan(lounge, barcode);
            assertThat(lounge.all("[data-state=card]")).hasSize(1);
            assertThat(lounge.all("[data-preference^='seat.']")).as("the lounge host never sees a seat preference").isEmpty();
            assertThat(lounge.text()).doesNotContain("aisle");
            lounge.screenshot("tablet-card-lounge-host");

            portal.submit(".consent[data-purpose=personalised-service] form[action$=withdrawal] button");
            assertThat(portal.one("[data-state=done]").getText()).contains("Consent withdrawn");
            assertThat(portal.all("[data-role=gate-agent] [data-preference='seat.position']")).as("preview after withdrawal").isEmpty();

            scan(gate, barcode);
            assertThat(gate.all("[data-state=card]")).hasSize(1);
            assertThat(gate.all("[data-preference='seat.position']")).as("withdrawn: the chip is gone").isEmpty();
            gate.screenshot("tablet-card-after-withdrawal");

            portal.driver.navigate().refresh();
            portal.waitFor(By.id("history-title"));
            assertThat(portal.all("#history tr[data-touchpoint='GATE/B" + RUN + "'][data-role=gate-agent]")).as("both gate looks").hasSize(2);
            assertThat(portal.all("#history tr[data-touchpoint='LOUNGE/L" + RUN + "'][data-role=lounge-host]")).hasSize(1);
            portal.driver.findElement(By.id("history-title")).click();
            portal.screenshot("portal-access-history");
        }
    }

    @Test
    void theTabletSaysWhenNobodyMatchesWhenPreferencesAreDownAndWhenTheSessionIsGone() {
        try (Browser gate = Browser.tablet()) {
            stand(gate, "gate.agent", "GATE", "C" + RUN);
            gate.one("details summary").click();
            gate.type("#loyaltyNumber", "TP99999998");
            gate.submit("#show-card-loyalty");
            assertThat(gate.all("[data-state=not-found]")).hasSize(1);
            assertThat(gate.all("[data-state=card]")).isEmpty();
            gate.screenshot("tablet-not-found");

            gate.submit("#show-card");
            assertThat(gate.one("[data-state=problem-400]").getText()).contains("Nothing to look up");

            Stack.kill("recognition-service");
            try {
                scan(gate, Stack.boardingPass("dev.demo"));
                assertThat(gate.all("[data-state=card]")).hasSize(1);
                assertThat(gate.all("[data-state=preferences-unavailable]")).hasSize(1);
                assertThat(gate.all("[data-preference]")).isEmpty();
                gate.screenshot("tablet-preferences-unavailable");
            } finally {
                Stack.restart("recognition-service");
            }

            // Break-glass by customer id from a frontline tablet: refused and recorded, however long the reason.
            Map<String, Object> overlong = gate.post("/tablet/card", "kind", "customer",
                    "customerId", "0d1e6a52-3b7c-4e2f-9a10-000000000004", "justification", "x".repeat(2500));
            assertThat(overlong.get("status")).as("an over-long justification is refused first").isEqualTo(400L);
            Map<String, Object> attempt = gate.post("/tablet/card", "kind", "customer",
                    "customerId", "0d1e6a52-3b7c-4e2f-9a10-000000000004", "justification", "I just want to look at this card, nothing more");
            assertThat(attempt.get("status")).isEqualTo(403L);
            assertThat((String) attempt.get("body")).doesNotContain("Thistlewood");
            List<String> outcomes = given().auth().oauth2(Keycloak.auditor()).queryParam("touchpoint", "GATE/C" + RUN)
                    .queryParam("outcome", "DENIED").when().get(Browser.gateway("/api/compliance/access-records"))
                    .then().statusCode(200).extract().jsonPath().getList("records.breakGlassJustification");
            // The record shows no customer, so it keeps the reason's SHA-256 only: no erasure could ever reach the text.
            assertThat(outcomes).as("the refused attempt is in the trail, its reason kept only as a hash")
                    .containsExactly("[not kept for a look that showed no customer]");

            // A form posted from another origin (here Keycloak's) is refused, session cookie or not.
            gate.driver.get("http://127.0.0.1:" + Stack.KEYCLOAK + "/realms/touchpoint/.well-known/openid-configuration");
            ((JavascriptExecutor) gate.driver).executeScript("""
                    const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];
                    const i = document.createElement('input'); i.name = 'barcode'; i.value = arguments[1]; f.appendChild(i);
                    document.body.appendChild(f); f.submit();""", Browser.gateway("/tablet/card"), Stack.boardingPass("dev.demo"));
            new org.openqa.selenium.support.ui.WebDriverWait(gate.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().startsWith(Browser.gateway("/")));
            assertThat(gate.driver.getPageSource()).contains("Form from another site").doesNotContain("Thistlewood");

            // Session gone (every cookie cleared): scanning leads to the sign-in page, not to a card.
            gate.driver.get(Browser.gateway("/tablet"));
            gate.driver.manage().deleteAllCookies();
            gate.driver.get("http://127.0.0.1:" + Stack.KEYCLOAK + "/realms/touchpoint/");
            gate.driver.manage().deleteAllCookies();
            gate.driver.get(Browser.gateway("/tablet"));
            assertThat(gate.driver.getCurrentUrl()).startsWith("http://127.0.0.1:" + Stack.KEYCLOAK + "/");
            assertThat(gate.all("#username")).hasSize(1);
            gate.screenshot("tablet-sign-in");
        }
    }

    /** Tokens last minutes; a tablet's session lasts while Keycloak's does, refreshed without a word. */
    @Test
    void aTabletKeepsWorkingWhenItsTokensExpire() throws InterruptedException {
        Keycloak.accessTokenLifespan(3);
        try (Browser gate = Browser.tablet()) {
            stand(gate, "gate.agent", "GATE", "R" + RUN);
            Thread.sleep(6_000);
            scan(gate, Stack.boardingPass("dev.demo"));
            assertThat(gate.all("[data-state=card]")).as("refreshed, not signed out").hasSize(1);
            assertThat(gate.driver.getCurrentUrl()).doesNotContain("session-ended");
        } finally {
            Keycloak.accessTokenLifespan(300);
        }
    }

    @Test
    void aSupervisorsBreakGlassSearchNeedsAJustificationAndOpensTheCard() {
        try (Browser supervisor = Browser.tablet()) {
            stand(supervisor, "supervisor", "GATE", "D4");
            Map<String, Object> noReason = supervisor.post("/tablet/card", "kind", "customer",
                    "customerId", "0d1e6a52-3b7c-4e2f-9a10-000000000004");
            assertThat(noReason.get("status")).isEqualTo(400L);
            assertThat((String) noReason.get("body")).contains("Justification needed").doesNotContain("Thistlewood");

            supervisor.driver.get(Browser.gateway("/tablet/search"));
            supervisor.type("#familyName", "Thistlewood");
            supervisor.type("#justification", "too short");
            ((JavascriptExecutor) supervisor.driver).executeScript("document.getElementById('justification').removeAttribute('minlength')");
            supervisor.submit("main form.stack button[type=submit]");
            assertThat(supervisor.one("[data-state=problem-400]").getText()).contains("justification");
            supervisor.type("#justification", "Customer lost all documents at the gate; identity confirmed by the crew");
            supervisor.submit("main form.stack button[type=submit]");
            assertThat(supervisor.all(".results li")).isNotEmpty();
            assertThat(supervisor.one(".results").getText()).contains("Thistlewood");
            supervisor.screenshot("tablet-break-glass-search");
            supervisor.submit(".results li button");
            assertThat(supervisor.all("[data-state=card]")).hasSize(1);
            assertThat(supervisor.one("#greeting").getText()).contains("Thistlewood");
        }
    }

    @Test
    void noPageLetsAnyoneReachFurtherThanTheirRoleOrTheirOwnData() {
        String ada = Keycloak.customer("ada.demo");
        JsonPath adasConsents = given().auth().oauth2(ada).when()
                .get("http://127.0.0.1:" + Stack.RECOGNITION + "/api/me/consents").then().statusCode(200).extract().jsonPath();
        List<String> adasConsentIds = new java.util.ArrayList<>(adasConsents.getList("active.consentId"));
        adasConsentIds.addAll(adasConsents.getList("past.consentId"));
        List<Object> adasReceipts = new java.util.ArrayList<>(adasConsents.getList("active.receipts.flatten()"));
        adasReceipts.addAll(adasConsents.getList("past.receipts.flatten()"));
        String adasReceipt = adasReceipts.getFirst().toString();
        try (Browser bram = Browser.laptop(); Browser gate = Browser.tablet()) {
            bram.open("/portal", "bram.demo");
            bram.waitFor(By.id("history-title"));
            Map<String, Object> withdrawal = bram.post("/portal/consents/" + adasConsentIds.getFirst() + "/withdrawal");
            assertThat(withdrawal.get("status")).as("another customer's consent").isEqualTo(404L);
            assertThat(bram.fetch("/portal/receipts/" + adasReceipt).get("status")).as("another customer's receipt").isEqualTo(404L);
            JsonPath after = given().auth().oauth2(ada).when()
                    .get("http://127.0.0.1:" + Stack.RECOGNITION + "/api/me/consents").then().statusCode(200).extract().jsonPath();
            assertThat(after.getList("active.consentId")).isEqualTo(adasConsents.getList("active.consentId"));
            bram.open("/console", "bram.demo");
            assertThat(bram.all("[data-state=error-403]")).as("a customer in the console").hasSize(1);
            assertThat(bram.all("#records")).isEmpty();
            bram.open("/tablet", "bram.demo");
            assertThat(bram.all("[data-state=error-403]")).as("a customer on the tablet").hasSize(1);

            stand(gate, "gate.agent", "GATE", "X" + RUN);
            // A station cookie naming a role the user does not hold is no station at all.
            gate.driver.manage().addCookie(new org.openqa.selenium.Cookie("tp_station", "GATE%2FX1%7Csupervisor%7Ctablet-1", "/tablet"));
            gate.driver.get(Browser.gateway("/tablet/search"));
            assertThat(gate.all("#familyName")).isEmpty();
            assertThat(gate.all("#place")).as("back to choosing a station").hasSize(1);
            stand(gate, "gate.agent", "GATE", "X" + RUN);
            Map<String, Object> search = gate.post("/tablet/search", "familyName", "Quillfeather",
                    "justification", "I would like to browse customers by name for no reason at all");
            assertThat(search.get("status")).as("a frontline name search").isEqualTo(403L);
            assertThat((String) search.get("body")).contains("No name search for this role").doesNotContain("Quillfeather");
        }
        List<String> outcomes = given().auth().oauth2(Keycloak.auditor()).queryParam("touchpoint", "GATE/X" + RUN)
                .when().get(Browser.gateway("/api/compliance/access-records")).then().statusCode(200)
                .extract().jsonPath().getList("records.outcome");
        assertThat(outcomes).as("the refused search is in the trail").containsExactly("DENIED");
    }

    @Test
    void theConsoleFindsALookExportsItAndVerifiesTheTrail() {
        String touchpoint = "GATE/P" + RUN;
        given().auth().oauth2(Keycloak.staff("gate.agent")).contentType(ContentType.JSON)
                .body(Map.of("presented", Map.of("type", "BOARDING_PASS", "barcode", Stack.boardingPass("dev.demo")),
                        "touchpoint", touchpoint, "purpose", "personalised-service", "device", "tablet-pages"))
                .when().post(Browser.gateway("/api/cards")).then().statusCode(200);
        try (Browser console = Browser.laptop()) {
            console.open("/console", "auditor");
            console.waitFor(By.id("records-title"));
            assertThat(console.all("#records tbody tr")).as("the newest records").isNotEmpty();
            assertThat(console.all("svg.chart rect")).as("the chart has bars").isNotEmpty();
            assertThat(console.one("[data-state=checkpoint]").getText()).startsWith("touchpoint.dev/access-log/");
            assertThat(console.foreignResources()).isEmpty();
            assertThat(console.accessibilityViolations()).isEmpty();
            console.screenshot("console");

            List<String> firstPage = console.all("#records tbody tr").stream().map(r -> r.getAttribute("data-record")).toList();
            assertThat(firstPage).hasSize(25);
            console.submit("a[rel=next]");
            List<String> secondPage = console.all("#records tbody tr").stream().map(r -> r.getAttribute("data-record")).toList();
            assertThat(secondPage).isNotEmpty().doesNotContainAnyElementsOf(firstPage);
            assertThat(console.all("#first-page")).as("back to the first page").hasSize(1);

            console.type("#f-touchpoint", touchpoint);
            console.submit("#records button[type=submit]");
            assertThat(console.all("#records tbody tr")).hasSize(1);
            assertThat(console.one("#records tbody tr").getText()).contains(touchpoint).contains("gate-agent").contains("served");
            String export = console.one("a[href^='/console/export.csv']").getAttribute("href");
            Map<String, Object> csv = console.fetch(export);
            assertThat(csv.get("status")).isEqualTo(200L);
            assertThat((String) csv.get("type")).startsWith("text/csv");
            List<String> lines = ((String) csv.get("body")).lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).contains(touchpoint);

            console.submit("#trail tbody tr:first-child button"); // the current month
            assertThat(console.all("[data-state=intact]")).as("re-verification of the tree").hasSize(1);
            assertThat(console.one("[data-state=intact]").getText())
                    .startsWith(java.time.YearMonth.now(java.time.ZoneOffset.UTC) + ": intact");
            console.screenshot("console-verified");
        }
    }

    @Test
    void aCustomerRenewsAnEndingConsentDownloadsItsReceiptAndManagesTheirPhoto() throws Exception {
        try (Browser portal = Browser.laptop()) {
            portal.open("/portal", "dev.demo");
            portal.waitFor(By.id("consents-title"));
            assertThat(portal.all("[data-state=expiring][data-purpose=personalised-service]")).as("the warning at the top").hasSize(1);
            assertThat(portal.all(".consent.expiring[data-purpose=personalised-service]")).as("the consent highlighted").hasSize(1);
            portal.screenshot("portal-expiring-soon");

            String receipt = portal.one(".consent[data-purpose=personalised-service] a[href^='/portal/receipts/']").getAttribute("href");
            Map<String, Object> download = portal.fetch(receipt);
            assertThat(download.get("status")).isEqualTo(200L);
            assertThat((String) download.get("disposition")).contains("attachment").contains("consent-receipt-");
            assertThat(JsonPath.from((String) download.get("body")).getString("version")).isEqualTo("KI-CR-v1.1.0");

            portal.submit(".consent[data-purpose=personalised-service] form[action$=renewal] button");
            assertThat(portal.one("[data-state=done]").getText()).contains("Consent renewed");
            assertThat(portal.all("[data-state=expiring][data-purpose=personalised-service]")).as("renewed: no longer ending").isEmpty();

            if (portal.all(".consent[data-purpose=recognition-by-photo] [data-state=consent-active]").isEmpty()) {
                // A photo exists only under this consent (rule 5): without it the upload is refused.
                portal.submit(".consent[data-purpose=recognition-by-photo] button[type=submit]");
                assertThat(portal.one("[data-state=done]").getText()).contains("Consent given");
            }
            java.nio.file.Path notAnImage = java.nio.file.Files.createTempFile("not-a-photo", ".png");
            java.nio.file.Files.writeString(notAnImage, "plain text pretending to be a PNG");
            portal.one("#photo-file").sendKeys(notAnImage.toString());
            portal.submit("#photo button[type=submit]");
            assertThat(portal.one("[data-state=problem-400]").getText()).as("the bytes are checked, not the name")
                    .contains("Invalid photo");
            assertThat(portal.all("img[data-state=photo]")).isEmpty();

            java.nio.file.Path photo = java.nio.file.Files.createTempFile("photo", ".png");
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(200, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(new java.awt.Color(40, 120, 200));
            g.fillOval(40, 40, 120, 160);
            g.dispose();
            javax.imageio.ImageIO.write(image, "png", photo.toFile());
            portal.one("#photo-file").sendKeys(photo.toString());
            portal.submit("#photo button[type=submit]");
            assertThat(portal.one("[data-state=done]").getText()).contains("photo is saved");
            Number width = (Number) ((JavascriptExecutor) portal.driver).executeScript(
                    "const i = document.querySelector('img[data-state=photo]'); return i && i.complete ? i.naturalWidth : -1");
            assertThat(width.intValue()).as("the stored photo is shown back").isEqualTo(200);
            portal.submit("#photo form[action='/portal/photo/deletion'] button");
            assertThat(portal.one("[data-state=done]").getText()).contains("photo is deleted");
            assertThat(portal.all("img[data-state=photo]")).isEmpty();
        }
    }

    @Test
    void aCustomerDownloadsTheirDataAndErasesThemselvesAtPhoneWidth() {
        String username = "pages.erasure." + UUID.randomUUID().toString().substring(0, 8);
        UUID customerId = someDemoCustomer();
        Keycloak.createCustomer(username, customerId);
        try (Browser phone = Browser.phone()) {
            phone.open("/portal", username);
            phone.waitFor(By.id("history-title"));
            assertThat(phone.accessibilityViolations()).as("portal at phone width").isEmpty();
            Number overflow = (Number) ((JavascriptExecutor) phone.driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0);
            phone.screenshot("portal-phone");

            Map<String, Object> export = phone.fetch("/portal/export");
            assertThat(export.get("status")).isEqualTo(200L);
            assertThat((String) export.get("disposition")).contains("attachment");
            JsonPath data = JsonPath.from((String) export.get("body"));
            assertThat(data.getString("profile.profile.id")).isEqualTo(customerId.toString());
            assertThat(data.getList("profile.trips")).isNotEmpty();
            assertThat(data.getList("accessHistory")).isNotNull();

            phone.driver.get(Browser.gateway("/portal/erasure"));
            assertThat(phone.accessibilityViolations()).as("erasure question").isEmpty();
            phone.screenshot("portal-erasure-question");
            ((JavascriptExecutor) phone.driver).executeScript("document.querySelector('input[name=confirm]').removeAttribute('required')");
            phone.submit("main button[type=submit]");
            assertThat(phone.one("[data-state=problem-400]").getText()).as("not confirmed, not erased").contains("confirm");
            phone.one("input[name=confirm]").click();
            phone.submit("main button[type=submit]");
            assertThat(phone.all("[data-state=erased]")).hasSize(1);
            assertThat(phone.text()).contains("profile-service").contains("recognition-service");
            phone.screenshot("portal-erased");
        }
    }

    /** Sign in at a gate, lounge … as this user, with their only role. */
    private static void stand(Browser browser, String username, String type, String place) {
        browser.open("/tablet", username);
        browser.waitFor(By.id("place"));
        browser.one("input[name=type][value=" + type + "]").click();
        browser.type("#place", place);
        browser.submit("main button[type=submit]");
        browser.waitFor(By.id("barcode"));
    }

    private static void scan(Browser browser, String barcode) {
        browser.type("#barcode", barcode);
        browser.submit("#show-card");
    }

    /** A customer from the demo data other than the named five: one the demo traffic looked at. */
    private static UUID someDemoCustomer() {
        List<String> ids = given().auth().oauth2(Keycloak.auditor()).queryParam("outcome", "SERVED").queryParam("limit", 200)
                .when().get(Browser.gateway("/api/compliance/access-records")).then().statusCode(200)
                .extract().jsonPath().getList("records.customerId");
        List<UUID> others = ids.stream().filter(id -> id != null && !id.startsWith("0d1e6a52-3b7c-4e2f-9a10-"))
                .distinct().map(UUID::fromString).toList();
        return others.get(new java.util.Random().nextInt(others.size())); // a rerun on a kept stack picks another
    }
}
