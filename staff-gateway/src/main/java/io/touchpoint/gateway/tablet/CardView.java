package io.touchpoint.gateway.tablet;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A card as the tablet shows it. It reads only what the card carries: a field the role's scope left out is
 * absent from the card, so it is absent here too, with nothing in its place.
 */
public record CardView(String greeting, String pronunciation, String tier, List<Flight> flights, List<Chip> preferences,
                       List<String> assistance, List<String> bookedServices, String recovery, List<String> recoveryDetails,
                       String travelSummary, boolean photo, boolean preferencesUnavailable, String notice, String requestId) {

    public record Flight(String number, String route, String departs, String seat) {
    }

    /** One consented preference; {@code key} stays machine-readable for the page's tests and styling. */
    public record Chip(String key, String label) {
    }

    private static final DateTimeFormatter DEPARTS = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    public static CardView of(JsonNode card) {
        JsonNode f = card.path("fields");
        String greeting = null;
        String pronunciation = null;
        if (f.has("greeting")) {
            JsonNode g = f.get("greeting");
            String address = text(g.path("preferredAddress"));
            String family = text(g.path("familyName"));
            greeting = address == null ? text(g.path("givenName")) + " " + family : address + " " + family;
            pronunciation = text(g.path("pronunciation"));
        }
        List<Flight> flights = new ArrayList<>();
        for (JsonNode s : f.path("itinerary")) {
            String departs = text(s.path("scheduledDeparture"));
            flights.add(new Flight(s.path("carrier").asText() + " " + s.path("flightNumber").asText(),
                    s.path("origin").asText() + " → " + s.path("destination").asText(),
                    departs == null ? null : DEPARTS.format(Instant.parse(departs)), text(s.path("seat"))));
        }
        List<Chip> preferences = new ArrayList<>();
        List<String> assistance = new ArrayList<>();
        for (String field : List.of("preference-seat", "preference-meal-drink")) {
            for (JsonNode p : f.path(field)) {
                preferences.add(new Chip(p.path("key").asText(), label(p.path("key").asText(), p.path("value").asText())));
            }
        }
        for (JsonNode p : f.path("preference-assistance")) {
            assistance.add(label(p.path("key").asText(), p.path("value").asText()));
        }
        List<String> booked = new ArrayList<>();
        for (JsonNode b : f.path("booked-services")) {
            String meal = text(b.path("specialMeal"));
            String help = text(b.path("assistance"));
            booked.add(b.path("flight").asText() + ": " + String.join(", ",
                    java.util.stream.Stream.of(meal == null ? null : "meal " + meal, help == null ? null : "assistance " + help)
                            .filter(java.util.Objects::nonNull).toList()));
        }
        String recovery = null;
        JsonNode flag = f.path("service-recovery-flag");
        if (flag.path("open").asBoolean(false) && !flag.path("mayApproach").asBoolean(false)) {
            // Rule 11: no proactive-contact consent, so no category and no approach.
            recovery = "Open service issue: let the customer raise it";
        } else if (flag.path("open").asBoolean(false)) {
            List<String> categories = new ArrayList<>();
            flag.path("categories").forEach(c -> categories.add(c.asText().replace('-', ' ')));
            recovery = categories.isEmpty() ? "Open service recovery" : "Open service recovery: " + String.join(", ", categories);
        }
        List<String> details = new ArrayList<>();
        for (JsonNode item : f.path("service-recovery-details")) {
            details.add(item.path("category").asText().replace('-', ' ') + " (" + item.path("status").asText().toLowerCase(Locale.ROOT)
                    + "): " + item.path("summary").asText());
        }
        String summary = null;
        if (f.has("travel-summary")) {
            JsonNode t = f.get("travel-summary");
            summary = t.path("tripsThisYear").asLong() + " trips this year";
            JsonNode last = t.path("lastTrip");
            if (last.isObject()) {
                summary += "; last " + last.path("origin").asText() + " → " + last.path("destination").asText();
            }
        }
        return new CardView(greeting, pronunciation, text(f.path("tier")), flights, preferences, assistance, booked, recovery,
                details, summary, f.path("photo").path("available").asBoolean(false),
                card.path("preferencesUnavailable").asBoolean(false), card.path("notice").asText(), card.path("requestId").asText());
    }

    /** "seat.position" and "aisle" read as "Seat position: aisle". */
    static String label(String key, String value) {
        String words = key.replace('.', ' ').replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + ": " + value.replace('-', ' ');
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() || node.asText().isBlank() ? null : node.asText();
    }
}
