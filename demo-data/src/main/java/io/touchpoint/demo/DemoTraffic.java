package io.touchpoint.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A little real traffic after the load: staff of each frontline role open the named demo customers' cards
 * through the gateway, with real tokens, so that their access history, the compliance queries and the trail
 * have something to show. Real requests make real, correctly timed records; nothing is written around the API.
 */
final class DemoTraffic {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String[]> STAFF = List.of(new String[] {"gate.agent", "GATE/A12"}, new String[] {"checkin.agent", "CHECK_IN/D4"},
            new String[] {"lounge.host", "LOUNGE/L1"}, new String[] {"cabin.crew", "CABIN/TP0216"});

    private final HttpClient http = HttpClient.newHttpClient();
    private final String keycloak;
    private final String gateway;
    private final String password;

    DemoTraffic(String keycloak, String gateway, String password) {
        this.keycloak = keycloak;
        this.gateway = gateway;
        this.password = password;
    }

    /** Opens {@code looks} cards of the named demo customers; returns how many were served. */
    int openCards(int looks, long seed) throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(seed);
        int served = 0;
        for (String[] staff : STAFF) {
            String token = token(staff[0]);
            for (int i = 0; i < looks / STAFF.size(); i++) {
                DemoCustomers.Named customer = DemoCustomers.ALL.get(random.nextInt(DemoCustomers.ALL.size()));
                String body = "{\"presented\":{\"type\":\"LOYALTY_NUMBER\",\"loyaltyNumber\":\"" + customer.loyaltyNumber()
                        + "\"},\"touchpoint\":\"" + staff[1] + "\",\"purpose\":\"personalised-service\",\"device\":\"demo-tablet\"}";
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/cards"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                served += response.statusCode() == 200 ? 1 : 0;
            }
        }
        return served;
    }

    private String token(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=touchpoint-tablet&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IOException("no token for the demo user " + username + " (HTTP " + response.statusCode() + ")");
        }
        return token.group(1);
    }
}
