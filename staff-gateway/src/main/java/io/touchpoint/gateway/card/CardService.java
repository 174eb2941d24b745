package io.touchpoint.gateway.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.touchpoint.gateway.audit.AccessLog;
import io.touchpoint.gateway.downstream.Downstream;
import io.touchpoint.gateway.downstream.DownstreamRefusal;
import io.touchpoint.gateway.look.LookPolicy;
import io.touchpoint.gateway.look.StaffAssignments;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a card: the profile projection (hop 1), the consented preferences (hop 2), the role's scope, and the
 * access record, committed before the card is returned. Any failure to record means no card.
 */
@ApplicationScoped
public class CardService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CardService.class);
    static final String NOTICE = "This view was recorded. The customer can see who looked at their card, when and why.";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Downstream downstream;
    private final ScopePolicy policy;
    private final LookPolicy looks;
    private final StaffAssignments assignments;
    private final AccessLog accessLog;

    public CardService(Downstream downstream, ScopePolicy policy, LookPolicy looks, StaffAssignments assignments,
                       AccessLog accessLog) {
        this.downstream = downstream;
        this.policy = policy;
        this.looks = looks;
        this.assignments = assignments;
        this.accessLog = accessLog;
    }

    /**
     * Where and why: a look from a touchpoint the role or the staff member's current assignment does not allow,
     * or under a purpose the role may not use, is refused before anything is fetched. Every card and search passes
     * here, from the API and the tablet alike; {@link LookPolicy} decides.
     */
    private void admit(Downstream.Asker asker, String device, String justification) {
        Optional<LookPolicy.Refusal> refusal = looks.refusal(asker.role(), asker.touchpoint(), asker.purpose(),
                assignments.of(asker.subject()), assignments.now());
        if (refusal.isPresent()) {
            LookPolicy.Refusal r = refusal.get();
            throw refused(asker, device, justification, "DENIED", Problems.of(r.status(), r.type(), r.title(), r.detail()));
        }
    }

    /**
     * Break-glass is for supervisors, with a justification: anyone else opening a card by customer id, or searching
     * by name, is refused and recorded like every other refusal.
     */
    private void mayBreakGlass(Downstream.Asker asker, String device, String justification, HttpProblem notSupervisor) {
        if (!SUPERVISOR.equals(asker.role())) {
            throw refused(asker, device, justification, "DENIED", notSupervisor);
        }
        if (justification == null) {
            throw refused(asker, device, null, "DENIED", Problems.badRequest("justification-needed", "Justification needed",
                    "justification: opening a card found by name needs a written justification of 30 characters or more"));
        }
    }

    public ObjectNode card(Downstream.Asker asker, CardRequest request) {
        String justification = request.isBreakGlass() ? request.justification() : null;
        if (request.isBreakGlass()) {
            mayBreakGlass(asker, request.device(), justification, Problems.of(403, "no-browsing",
                    "Only supervisors open cards by customer id", "Frontline staff find customers from what they present."));
        }
        admit(asker, request.device(), justification);
        JsonNode projection;
        try {
            projection = downstream.projection(asker, request.presented(), justification);
        } catch (DownstreamRefusal refusal) {
            throw refused(asker, request.device(), justification, refusal.status() == 404 ? "NOT_FOUND" : "DENIED",
                    Problems.of(refusal.status(), refusal.status() == 404 ? "customer-not-found" : "refused",
                            refusal.title(), refusal.detail()));
        } catch (HttpProblem unavailable) {
            throw failed(asker, request.device(), justification, unavailable);
        }
        UUID customerId = UUID.fromString(projection.path("customerId").asText());
        List<String> asked = looks.cardPurposes(asker.role(), request.purpose());
        Optional<JsonNode> recognition = downstream.recognition(asker, String.join(",", asked), customerId);

        // Recognition says which purposes are consented here; without an answer, none is (fail closed).
        Set<String> consented = new LinkedHashSet<>();
        recognition.ifPresent(r -> r.path("consentedPurposes").forEach(p -> consented.add(p.asText())));
        boolean categories = policy.showsRecoveryCategories(asker.role(), consented);

        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Map<String, List<String>> receiptsByField = new LinkedHashMap<>();
        Map<String, Set<String>> purposesByField = new LinkedHashMap<>();
        fromProjection(projection, fields, categories);
        if (categories && policy.needsProactiveContact(asker.role())) {
            purposesByField.put("service-recovery-flag", Set.of(ScopePolicy.PROACTIVE_CONTACT));
        }
        recognition.ifPresent(r -> fromRecognition(r, asked, fields, receiptsByField, purposesByField));
        Map<String, JsonNode> shown = policy.filter(asker.role(), fields);

        List<String> receipts = new ArrayList<>();
        shown.keySet().forEach(f -> receipts.addAll(receiptsByField.getOrDefault(f, List.of())));
        // Every purpose under which something was shown: the named one (the profile's fields), then each one a
        // shown field rests on, so the customer's history says truthfully why each field was shown.
        Set<String> disclosedUnder = new LinkedHashSet<>(List.of(request.purpose()));
        shown.keySet().forEach(f -> disclosedUnder.addAll(purposesByField.getOrDefault(f, Set.of())));
        String outcome = recognition.isPresent() ? "SERVED" : "SERVED_WITHOUT_PREFERENCES";
        write(asker, request.device(), String.join(",", disclosedUnder), customerId, List.copyOf(shown.keySet()), receipts,
                outcome, justification, !projection.path("itinerary").isEmpty());

        ObjectNode card = JSON.objectNode();
        card.put("requestId", asker.requestId());
        card.put("policyVersion", policy.version());
        card.put("role", asker.role());
        card.put("touchpoint", asker.touchpoint());
        ArrayNode purposeList = card.putArray("purposes");
        disclosedUnder.forEach(purposeList::add);
        ObjectNode body = card.putObject("fields");
        shown.forEach(body::set);
        if (recognition.isEmpty()) {
            card.put("preferencesUnavailable", true);
        }
        card.put("notice", NOTICE);
        return card;
    }

    /**
     * Break-glass: every customer the search shows is told, through their access history, and every record
     * carries the justification for review. No record, no results. A search that shows nobody is recorded too:
     * NOT_FOUND when nobody matched, DENIED when the gateway or profile-service refused it.
     */
    public ArrayNode search(Downstream.Asker asker, SearchRequest request) {
        mayBreakGlass(asker, request.device(), request.justification(), Problems.of(403, "no-browsing",
                "No name search for this role",
                "Only a supervisor may search by name; frontline staff find customers from what they present."));
        admit(asker, request.device(), request.justification());
        ObjectNode query = JSON.objectNode().put("familyName", request.familyName());
        if (request.givenName() != null) {
            query.put("givenName", request.givenName());
        }
        JsonNode candidates;
        try {
            candidates = downstream.search(asker, request.justification(), query);
        } catch (DownstreamRefusal refusal) {
            throw refused(asker, request.device(), request.justification(), refusal.status() == 404 ? "NOT_FOUND" : "DENIED",
                    Problems.of(refusal.status(), "refused", refusal.title(), refusal.detail()));
        } catch (HttpProblem unavailable) {
            throw failed(asker, request.device(), request.justification(), unavailable);
        }
        if (candidates.isEmpty()) {
            write(asker, request.device(), request.purpose(), null, List.of(), List.of(), "NOT_FOUND", request.justification(), null);
        }
        ArrayNode shown = JSON.arrayNode();
        for (JsonNode candidate : candidates) {
            UUID customerId = UUID.fromString(candidate.path("customerId").asText());
            write(asker, request.device(), request.purpose(), customerId, List.of(SEARCH_RESULT), List.of(), "SERVED",
                    request.justification(), null);
            shown.add(candidate);
        }
        return shown;
    }

    static final String SEARCH_RESULT = "search-result";
    static final String SUPERVISOR = "supervisor";
    static final String PHOTO_PURPOSE = "recognition-by-photo";

    /**
     * The one place a refused or failed look is recorded, whoever refused it (the gateway's own checks or a downstream
     * service), before the refusal is answered: nothing was shown, so the record names no customer and keeps a
     * break-glass justification as its SHA-256 only. If even that record cannot be written, the refusal stands.
     */
    private HttpProblem refused(Downstream.Asker asker, String device, String justification, String outcome, HttpProblem answer) {
        try {
            write(asker, device, asker.purpose(), null, List.of(), List.of(), outcome, justification, null);
        } catch (RuntimeException e) {
            LOG.warnf("a refused attempt by %s could not be recorded", asker.role());
        }
        return answer;
    }

    /**
     * profile-service did not answer in time, or its breaker is open: nothing is shown, but the service may have
     * answered after the gateway gave up. The FAILED record says the look was asked for, so that read is not
     * mistaken for one around the gateway (relay.RelayedReadReconciliation); a client's own error passes unrecorded here.
     */
    private HttpProblem failed(Downstream.Asker asker, String device, String justification, HttpProblem unavailable) {
        return unavailable.getStatusCode() >= 500 ? refused(asker, device, justification, "FAILED", unavailable) : unavailable;
    }

    private void write(Downstream.Asker asker, String device, String purpose, UUID customerId, List<String> fields,
                       List<String> receipts, String outcome, String breakGlassJustification, Boolean flightToday) {
        try {
            accessLog.record(new AccessLog.Entry(asker.requestId(), asker.subject(), asker.role(), device,
                    asker.touchpoint(), customerId, purpose, policy.version(), fields, receipts, outcome, breakGlassJustification,
                    flightToday));
        } catch (RuntimeException e) {
            // Every look is recorded, or nothing is shown.
            throw Problems.of(503, "access-log-unavailable", "Access could not be recorded",
                    "The look could not be recorded, so no card is shown. Try again shortly.");
        }
    }

    private static void fromProjection(JsonNode p, Map<String, JsonNode> fields, boolean recoveryCategories) {
        JsonNode profile = p.path("profile");
        ObjectNode greeting = JSON.objectNode();
        greeting.set("preferredAddress", profile.path("preferredAddress"));
        greeting.set("givenName", profile.path("givenName"));
        greeting.set("familyName", profile.path("familyName"));
        greeting.set("pronunciation", profile.path("namePronunciation"));
        fields.put("greeting", greeting);
        fields.put("tier", profile.path("tier"));
        ArrayNode itinerary = JSON.arrayNode();
        ArrayNode booked = JSON.arrayNode();
        for (JsonNode s : p.path("itinerary")) {
            ObjectNode flight = itinerary.addObject();
            for (String member : List.of("carrier", "flightNumber", "origin", "destination", "scheduledDeparture", "seat")) {
                flight.set(member, s.path(member));
            }
            if (s.hasNonNull("bookedSpecialMeal") || s.hasNonNull("bookedAssistance")) {
                ObjectNode service = booked.addObject();
                service.put("flight", s.path("carrier").asText() + s.path("flightNumber").asText());
                service.set("specialMeal", s.path("bookedSpecialMeal"));
                service.set("assistance", s.path("bookedAssistance"));
            }
        }
        fields.put("itinerary", itinerary);
        fields.put("booked-services", booked);
        JsonNode recovery = p.path("serviceRecovery");
        ObjectNode flag = JSON.objectNode();
        flag.put("open", recovery.path("open").asBoolean(false));
        // Rule 11: categories only as ScopePolicy#showsRecoveryCategories allows; otherwise the flag alone.
        flag.put("mayApproach", recoveryCategories);
        Set<String> categories = new LinkedHashSet<>();
        recovery.path("items").forEach(i -> {
            if (recoveryCategories && "OPEN".equals(i.path("status").asText())) {
                categories.add(i.path("category").asText());
            }
        });
        ArrayNode categoryList = flag.putArray("categories");
        categories.forEach(categoryList::add);
        fields.put("service-recovery-flag", flag);
        fields.put("service-recovery-details", recovery.path("items"));
        fields.put("travel-summary", p.path("travelSummary"));
    }

    /** Preference categories map to card fields; categories no field shows are never disclosed. */
    private static final Map<String, String> FIELD_OF_CATEGORY = Map.of(
            "seat", "preference-seat", "meal", "preference-meal-drink", "drink", "preference-meal-drink",
            "assistance", "preference-assistance");

    /** The card field that shows a preference category, or null when no field shows it. */
    public static String fieldOf(String category) {
        return FIELD_OF_CATEGORY.get(category);
    }

    private static void fromRecognition(JsonNode r, List<String> asked, Map<String, JsonNode> fields,
                                        Map<String, List<String>> receiptsByField, Map<String, Set<String>> purposesByField) {
        for (JsonNode preference : r.path("preferences")) {
            String field = FIELD_OF_CATEGORY.get(preference.path("category").asText());
            if (field == null) {
                continue;
            }
            ArrayNode values = fields.containsKey(field) ? (ArrayNode) fields.get(field) : JSON.arrayNode();
            ObjectNode value = values.addObject();
            value.set("key", preference.path("key"));
            value.set("value", preference.path("value"));
            fields.put(field, values);
            receiptsByField.computeIfAbsent(field, f -> new ArrayList<>()).add(preference.path("receiptId").asText());
            // The consent's purpose, as recognition names it; if it does not, every purpose asked (never fewer).
            Set<String> under = purposesByField.computeIfAbsent(field, f -> new LinkedHashSet<>());
            if (preference.hasNonNull("purpose")) {
                under.add(preference.path("purpose").asText());
            } else {
                under.addAll(asked);
            }
        }
        if (r.path("photo").path("available").asBoolean(false)) {
            ObjectNode photo = JSON.objectNode().put("available", true);
            fields.put("photo", photo);
            receiptsByField.computeIfAbsent("photo", f -> new ArrayList<>()).add(r.path("photo").path("receiptId").asText());
            purposesByField.put("photo", Set.of(PHOTO_PURPOSE));
        }
    }
}
