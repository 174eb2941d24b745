package io.touchpoint.gateway.tablet;

import io.touchpoint.gateway.look.LookPolicy;
import io.touchpoint.support.touchpoint.TouchpointType;
import io.touchpoint.support.web.ActingStaff;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a tablet is and as which role its user acts, chosen after sign-in and shown on every screen. It travels
 * in a cookie of the tablet's own, and is checked again on every read: a cookie is input like any other.
 */
public record Station(String touchpoint, String role, String device) {

    static final String COOKIE = "tp_station";
    private static final Pattern TOUCHPOINT = Pattern.compile(ActingStaff.TOUCHPOINT);
    private static final Pattern ROLE = Pattern.compile(ActingStaff.STAFF_ROLES);
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /** A touchpoint type the tablet offers, in the suite's shared names ({@link TouchpointType}). */
    public record Offer(String name, String label) {

        static Offer of(TouchpointType type) {
            return new Offer(type.name(), type.label());
        }
    }

    /**
     * The touchpoint types a member may choose: those the look policy allows any of their roles, narrowed to the
     * types of their current assignments when operations assigned them somewhere.
     */
    static List<Offer> offers(LookPolicy looks, List<String> roles, List<String> assignedTouchpoints) {
        Set<String> allowed = new HashSet<>();
        roles.forEach(r -> allowed.addAll(looks.touchpointTypesFor(r)));
        if (!assignedTouchpoints.isEmpty()) {
            allowed.retainAll(assignedTouchpoints.stream().map(t -> t.substring(0, t.indexOf('/'))).toList());
        }
        return Arrays.stream(TouchpointType.values()).filter(t -> allowed.contains(t.name())).map(Offer::of).toList();
    }

    static Optional<Station> parse(String touchpoint, String role, String device) {
        if (touchpoint == null || role == null || device == null
                || !TOUCHPOINT.matcher(touchpoint).matches() || !ROLE.matcher(role).matches() || !DEVICE.matcher(device).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Station(touchpoint, role, device));
    }

    static Optional<Station> fromCookie(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            String[] parts = URLDecoder.decode(value, StandardCharsets.UTF_8).split("\\|", -1);
            return parts.length == 3 ? parse(parts[0], parts[1], parts[2]) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    String toCookie() {
        return URLEncoder.encode(touchpoint + "|" + role + "|" + device, StandardCharsets.UTF_8);
    }

    /** "Gate A12" rather than "GATE/A12". */
    public String label() {
        String place = touchpoint.substring(touchpoint.indexOf('/') + 1);
        return TouchpointType.of(touchpoint).map(TouchpointType::label)
                .orElse(touchpoint.substring(0, touchpoint.indexOf('/'))) + " " + place;
    }
}
