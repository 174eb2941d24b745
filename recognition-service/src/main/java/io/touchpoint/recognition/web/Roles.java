package io.touchpoint.recognition.web;

import io.touchpoint.support.web.ActingStaff;

/** Realm roles this service knows (see docs/architecture.md). */
public final class Roles {

    /** The staff-gateway's service account: the only caller that may ask for recognition. */
    public static final String GATEWAY_SERVICE = "gateway-service";
    public static final String CUSTOMER = "customer";

    /** The staff roles a consent can name, and that may appear as the acting role. */
    public static final String STAFF_PATTERN = ActingStaff.STAFF_ROLES;

    private Roles() {
    }
}
