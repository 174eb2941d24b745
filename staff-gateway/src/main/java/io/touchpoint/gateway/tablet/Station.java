package io.touchpoint.gateway.tablet;

import io.touchpoint.support.web.ActingStaff;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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

    /** The touchpoint types a tablet can stand at, with the words staff know them by. */
    public enum Type {
        GATE("Gate"), CHECKIN("Check-in desk"), LOUNGE("Lounge"), CABIN("Cabin");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
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
        String type = touchpoint.substring(0, touchpoint.indexOf('/'));
        String place = touchpoint.substring(touchpoint.indexOf('/') + 1);
        for (Type t : Type.values()) {
            if (t.name().equals(type)) {
                return t.label() + " " + place;
            }
        }
        return type + " " + place;
    }
}
