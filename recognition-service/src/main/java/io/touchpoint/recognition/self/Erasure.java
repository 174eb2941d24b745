package io.touchpoint.recognition.self;

import io.touchpoint.recognition.consent.ConsentService;
import io.touchpoint.recognition.photo.PhotoConsent;
import io.touchpoint.recognition.preference.CustomerPreference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One customer's erasure in this service: preferences and photo deleted, every consent withdrawn. Idempotent. */
@ApplicationScoped
public class Erasure {

    private final ConsentService consents;
    private final PhotoConsent photos;
    private final Clock clock;

    public Erasure(ConsentService consents, PhotoConsent photos, Clock clock) {
        this.consents = consents;
        this.photos = photos;
        this.clock = clock;
    }

    public record ErasureReceipt(
            @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") UUID customerId,
            @Schema(example = "2026-11-23T10:00:00Z") Instant erasedAt,
            @Schema(example = "[\"preferences\", \"photo\"]") List<String> erased,
            @Schema(example = "[\"consent ledger under the pseudonymous id, every consent withdrawn\"]") List<String> kept) {
    }

    @Transactional
    public ErasureReceipt erase(UUID id) {
        // The photo first: its lock orders this erasure after any upload in flight, which it then deletes.
        photos.erase(id);
        CustomerPreference.delete("customerId", id);
        consents.withdrawAll(id);
        return new ErasureReceipt(id, clock.instant(), List.of("preferences", "photo"),
                List.of("consent ledger under the pseudonymous id, every consent withdrawn (channel ERASURE)"));
    }
}
