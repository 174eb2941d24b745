package io.touchpoint.profile.customer;

/** What a customer can present at a touchpoint to be recognised. There is deliberately no NAME. */
public enum IdentifierType {
    LOYALTY_NUMBER,
    BOOKING_REFERENCE,
    BOARDING_PASS
}
