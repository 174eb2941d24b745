package io.touchpoint.profile.customer;

/** Loyalty tier, as the loyalty programme reports it. */
public enum Tier {
    NONE, SILVER, GOLD, PLATINUM
}
