package io.touchpoint.profile.customer;

public enum CustomerStatus {
    ACTIVE,
    /** Personal data removed on the customer's request; the row keeps the id as a pseudonym. */
    ERASED
}
