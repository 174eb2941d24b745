package io.touchpoint.recognition.consent;

import java.util.UUID;

/**
 * Fired, inside the withdrawal's transaction, when a consent is withdrawn: what exists only under a consent
 * (the photo) goes with it, or the withdrawal does not commit.
 */
public record ConsentWithdrawn(UUID customerId, String purpose) {
}
