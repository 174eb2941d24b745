package io.touchpoint.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The card path on the real stack (Keycloak tokens, three services, PostgreSQL, demo data), against a floor
 * measured in the same run: the two downstream hops called directly, as the gateway calls them. A card is two
 * sequential hops plus the access-log insert, so its median must stay near the sum of the hops' medians; a card
 * far above it means the gateway added a hop, a lock or a serial step. Not part of the test run:
 * ./touchpoint benchmark.
 */
@Tag("benchmark")
class CardPathBenchmark {

    private static final int USERS = 8;
    private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("card.benchmark.seconds", 15));
    private static final int CUSTOMERS = Integer.getInteger("card.benchmark.customers", 2000); // Stack loads 2,000

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void theStackIsUp() {
        Stack.start();
    }

    private record Result(String name, int requests, double seconds, List<Long> micros, int failures) {
        double perSecond() {
            return requests / seconds;
        }

        double percentile(double p) {
            return micros.get(Math.min(micros.size() - 1, (int) Math.floor(p * micros.size()))) / 1000.0;
        }

        @Override
        public String toString() {
            return String.format("%-28s %7.0f req/s   p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   (%d requests, %d failed)",
                    name, perSecond(), percentile(0.50), percentile(0.95), percentile(0.99), requests, failures);
        }
    }

    private Result run(String name, IntFunction<HttpRequest> request) throws Exception {
        return run(name, http, request);
    }

    /** USERS virtual users sending requests back to back for PHASE; latencies of the 2xx answers. */
    private Result run(String name, HttpClient http, IntFunction<HttpRequest> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        int[] failures = new int[1];
        long end = System.nanoTime() + PHASE.toNanos();
        long start = System.nanoTime();
        List<Future<?>> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    int customer = 5 + ThreadLocalRandom.current().nextInt(CUSTOMERS - 5);
                    long sent = System.nanoTime();
                    HttpResponse<Void> response = http.send(request.apply(customer), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() / 100 == 2) {
                        micros.add((System.nanoTime() - sent) / 1000);
                    } else {
                        synchronized (failures) {
                            failures[0]++;
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> user : users) {
            user.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return new Result(name, sorted.size(), seconds, sorted, failures[0]);
    }

    private static String loyalty(int customer) {
        return "TP" + String.format("%08d", 100 + customer);
    }

    /**
     * The tablet page's card against the API's card, measured in the same run: the page adds a session cookie, a
     * form and a template, and no hop; far above the API's median would mean it added one, or a serial step.
     */
    @Test
    void theTabletPageCostsTheApiCardAndLittleMore() throws Exception {
        String staff = Keycloak.staff("gate.agent");
        IntFunction<HttpRequest> card = c -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.GATEWAY + "/api/cards"))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"presented\":{\"type\":\"LOYALTY_NUMBER\",\"loyaltyNumber\":\"" + loyalty(c)
                        + "\"},\"touchpoint\":\"GATE/A12\",\"purpose\":\"personalised-service\"}")).build();
        HttpClient tablet = signedInTablet("gate.agent");
        IntFunction<HttpRequest> page = c -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.GATEWAY + "/tablet/card"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("kind=loyalty&loyaltyNumber=" + loyalty(c))).build();

        run("warm-up (cards)", card);
        run("warm-up (page)", tablet, page);
        Result api = run("card through the API", card);
        Result pages = run("card through the tablet page", tablet, page);

        System.out.printf("%n[tablet page benchmark] %d users, %s per phase%n  %s%n  %s%n"
                        + "  page median %.1f ms = %.2fx the API's (the floor)%n%n",
                USERS, PHASE, api, pages, pages.percentile(0.5), pages.percentile(0.5) / api.percentile(0.5));
        assertThat(pages.failures()).isZero();
        assertThat(pages.percentile(0.5)).as("the page adds no hop").isLessThan(2.0 * api.percentile(0.5));
    }

    /** A client signed in to the tablet through Keycloak's own login form, standing at GATE/BENCH. */
    private static HttpClient signedInTablet(String username) throws Exception {
        // Keycloak marks its login cookies Secure; browsers treat 127.0.0.1 as a secure context, java.net does not.
        java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        java.net.CookieHandler asABrowserWould = new java.net.CookieHandler() {
            @Override
            public java.util.Map<String, List<String>> get(URI uri, java.util.Map<String, List<String>> headers) throws java.io.IOException {
                return cookies.get(uri, headers);
            }

            @Override
            public void put(URI uri, java.util.Map<String, List<String>> headers) throws java.io.IOException {
                cookies.put(uri, headers);
                cookies.getCookieStore().getCookies().forEach(c -> c.setSecure(false));
            }
        };
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(asABrowserWould)
                .followRedirects(HttpClient.Redirect.ALWAYS).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.GATEWAY + "/tablet")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("action=\"([^\"]+)\"").matcher(login);
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        String form = "username=" + username + "&password=" + Stack.PASSWORD + "&credentialId=";
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.body()).as("the station page, signed in").contains("Where are you working?");
        HttpResponse<String> station = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.GATEWAY + "/tablet/station"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("type=GATE&place=BENCH&role=gate-agent&device=bench")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(station.body()).contains("Gate BENCH");
        return browser;
    }

    @Test
    void aCardCostsItsTwoHopsAndLittleMore() throws Exception {
        String staff = Keycloak.staff("gate.agent");
        // Each hop alone, as the gateway makes it: with the staff member's token exchanged for that service.
        String profileToken = Keycloak.exchange(staff, "profile-service");
        String recognitionToken = Keycloak.exchange(staff, "recognition-service");

        IntFunction<HttpRequest> card = c -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.GATEWAY + "/api/cards"))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"presented\":{\"type\":\"LOYALTY_NUMBER\",\"loyaltyNumber\":\"" + loyalty(c)
                        + "\"},\"touchpoint\":\"GATE/A12\",\"purpose\":\"personalised-service\"}")).build();
        IntFunction<HttpRequest> projection = c -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.PROFILE + "/api/card-projections"))
                .header("Authorization", "Bearer " + profileToken).header("Content-Type", "application/json")
                .header("X-Acting-Role", "gate-agent").header("X-Touchpoint", "GATE/A12")
                .header("X-Purpose", "personalised-service")
                .POST(HttpRequest.BodyPublishers.ofString("{\"presented\":{\"type\":\"LOYALTY_NUMBER\",\"loyaltyNumber\":\"" + loyalty(c) + "\"}}")).build();
        // Recognition needs customer ids: the demo generator's, from the same seed the stack loaded.
        io.touchpoint.demo.DemoGenerator generator = new io.touchpoint.demo.DemoGenerator(1, java.time.Instant.now());
        IntFunction<HttpRequest> recognition = c -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.RECOGNITION + "/api/recognitions"))
                .header("Authorization", "Bearer " + recognitionToken).header("Content-Type", "application/json")
                .header("X-Acting-Role", "gate-agent").header("X-Touchpoint", "GATE/A12")
                .header("X-Purpose", "personalised-service,assistance-sharing,recognition-by-photo")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"" + generator.customer(c).id() + "\"}")).build();

        run("warm-up (cards)", card);
        Result profileHop = run("hop 1: card projection", projection);
        Result recognitionHop = run("hop 2: recognition", recognition);
        Result cards = run("card (both hops + record)", card);

        double floor = profileHop.percentile(0.5) + recognitionHop.percentile(0.5);
        System.out.printf("%n[card path benchmark] %d users, %s per phase, 2,000 demo customers%n  %s%n  %s%n  %s%n"
                        + "  floor (sum of the hops' medians): %.1f ms; card median %.1f ms = %.2fx the floor%n%n",
                USERS, PHASE, profileHop, recognitionHop, cards, floor, cards.percentile(0.5), cards.percentile(0.5) / floor);
        assertThat(cards.failures()).isZero();
        // On 2 cores the gateway competes with both services for CPU; 3x leaves room for that and none for a third hop.
        assertThat(cards.percentile(0.5)).as("a card costs its two hops and a little more").isLessThan(3.0 * floor);
    }
}
