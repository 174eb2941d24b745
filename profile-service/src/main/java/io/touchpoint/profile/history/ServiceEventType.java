package io.touchpoint.profile.history;

public enum ServiceEventType {
    DISRUPTION, COMPLAINT, COMPLIMENT, RECOVERY_ACTION
}
