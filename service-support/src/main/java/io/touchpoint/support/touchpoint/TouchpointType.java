package io.touchpoint.support.touchpoint;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of place where staff meet a customer, under one set of names for every service: the tablet's
 * stations, the gateway's look policy, consents that name a touchpoint type and the customer's preview all
 * use these. A touchpoint is {@code TYPE/ID}, such as {@code GATE/A12} or {@code CHECK_IN/D4}.
 */
public enum TouchpointType {
    GATE("Gate", "gate-agent"),
    CHECK_IN("Check-in desk", "check-in-agent"),
    LOUNGE("Lounge", "lounge-host"),
    CABIN("Cabin", "cabin-crew");

    private final String label;
    private final String frontlineRole;

    TouchpointType(String label, String frontlineRole) {
        this.label = label;
        this.frontlineRole = frontlineRole;
    }

    /** The words staff know the place by. */
    public String label() {
        return label;
    }

    /** The frontline role that works here; the gateway's look policy decides who else may act here. */
    public String frontlineRole() {
        return frontlineRole;
    }

    /** The type a {@code TYPE/ID} touchpoint names, if it is one of ours. */
    public static Optional<TouchpointType> of(String touchpoint) {
        if (touchpoint == null) {
            return Optional.empty();
        }
        int slash = touchpoint.indexOf('/');
        String type = slash < 0 ? touchpoint : touchpoint.substring(0, slash);
        return Arrays.stream(values()).filter(t -> t.name().equals(type)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
