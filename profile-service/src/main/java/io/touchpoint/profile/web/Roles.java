package io.touchpoint.profile.web;

/** Realm roles this service knows (see docs/architecture.md). */
public final class Roles {

    /**
     * The staff-gateway's own service account (client credentials). It acts for nobody: it may only ask for the
     * completion of an erasure a customer's exchanged token already started here.
     */
    public static final String GATEWAY_SERVICE = "gateway-service";
    /** Operational systems that feed customers and history. */
    public static final String OPS_IMPORT = "ops-import";
    public static final String CUSTOMER = "customer";

    // Staff roles, held by the staff member's own token as the gateway exchanged it for this service.
    public static final String GATE_AGENT = "gate-agent";
    public static final String CHECK_IN_AGENT = "check-in-agent";
    public static final String LOUNGE_HOST = "lounge-host";
    public static final String CABIN_CREW = "cabin-crew";
    public static final String SUPERVISOR = "supervisor";

    private Roles() {
    }
}
