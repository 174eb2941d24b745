package io.touchpoint.profile.self;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What erasure did; the id stays as a pseudonym so the access trail elsewhere still has a subject. */
public record ErasureReceipt(
        @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID customerId,
        @Schema(example = "2026-11-23T10:00:00Z") Instant erasedAt,
        @Schema(example = "[\"names\", \"identifiers (loyalty number, booking references, boarding passes)\", \"trips and flights\"]")
        List<String> erased,
        @Schema(example = "[\"customer id (pseudonym), so the access trail still has a subject\"]")
        List<String> kept) {
}
