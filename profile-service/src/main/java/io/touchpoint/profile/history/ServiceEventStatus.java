package io.touchpoint.profile.history;

public enum ServiceEventStatus {
    OPEN, RESOLVED
}
