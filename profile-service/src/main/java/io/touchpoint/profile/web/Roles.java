package io.touchpoint.profile.web;

/** Realm roles this service knows (see docs/architecture.md). */
public final class Roles {

    /** The staff-gateway's service account: the only caller that may read card projections. */
    public static final String GATEWAY_SERVICE = "gateway-service";
    /** Operational systems that feed customers and history. */
    public static final String OPS_IMPORT = "ops-import";
    public static final String CUSTOMER = "customer";

    private Roles() {
    }
}
