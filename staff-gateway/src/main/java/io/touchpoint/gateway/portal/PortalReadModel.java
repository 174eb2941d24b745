package io.touchpoint.gateway.portal;

import io.touchpoint.gateway.card.CardService;
import io.touchpoint.gateway.card.ScopePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * What the portal shows from recognition-service, read as the customer (their own token): the catalogue with their
 * values, each purpose with its active consent, consents ending soon and past, what each staff role would see, and
 * whether they have a photo. The five reads go out together, so the page waits for the slowest, not for their sum;
 * whether a photo exists is asked without downloading it.
 */
@ApplicationScoped
public class PortalReadModel {

    /** The roles a consent may name, offered on the consent form. */
    static final List<String> STAFF_ROLES = List.of("gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor");

    private final CustomerRecognition recognition;
    private final ScopePolicy policy;

    public PortalReadModel(@RestClient CustomerRecognition recognition, ScopePolicy policy) {
        this.recognition = recognition;
        this.policy = policy;
    }

    /** A preference of the catalogue with the customer's value (null: none given). */
    public record Field(Portal.Definition definition, String value) {
    }

    /** A purpose with the customer's active consent for it (null: none), and the roles a consent may name. */
    public record PurposeRow(Portal.Purpose purpose, Portal.Consent active, List<String> staffRoles) {
    }

    public record Recognition(List<Field> fields, List<PurposeRow> purposes, List<Portal.Consent> expiringSoon,
                              List<Portal.Consent> past, List<Portal.RolePreview> previews, boolean photo) {
    }

    /** Everything the portal shows from recognition-service; a refusal or an unreachable service is thrown. */
    public Recognition read(String bearer) {
        CompletionStage<Portal.Catalogue> catalogue = recognition.catalogue(bearer);
        CompletionStage<List<Portal.Preference>> preferences = recognition.preferences(bearer);
        CompletionStage<Portal.Consents> consents = recognition.consents(bearer);
        CompletionStage<List<Portal.RolePreview>> previews = recognition.preview(bearer);
        // No photo, or the answer did not come: the upload form is shown either way.
        CompletableFuture<Boolean> photo = recognition.photoExists(bearer).toCompletableFuture()
                .thenApply(exists -> true).exceptionally(noneOrUnavailable -> false);

        Portal.Catalogue defined = await(catalogue);
        Map<String, String> values = new LinkedHashMap<>();
        await(preferences).forEach(p -> values.put(p.key(), p.value()));
        List<Field> fields = defined.preferences().stream().map(d -> new Field(d, values.get(d.key()))).toList();
        Portal.Consents given = await(consents);
        List<PurposeRow> purposes = new ArrayList<>();
        for (Portal.Purpose purpose : defined.purposes()) {
            Portal.Consent active = given.active().stream().filter(c -> c.purpose().equals(purpose.key())).findFirst().orElse(null);
            purposes.add(new PurposeRow(purpose, active, STAFF_ROLES));
        }
        return new Recognition(fields, purposes, given.expiringSoon(), given.past(), asCards(await(previews)), photo.join());
    }

    /** The customer's preferences, for their export. */
    public List<Portal.Preference> preferences(String bearer) {
        return await(recognition.preferences(bearer));
    }

    /** The customer's consents, for their export. */
    public Portal.Consents consents(String bearer) {
        return await(recognition.consents(bearer));
    }

    /**
     * recognition-service says what it would disclose to each role; the card shows only what the role's scope
     * lists too. The preview applies the same scope policy as the card, so it shows what staff really see.
     */
    private List<Portal.RolePreview> asCards(List<Portal.RolePreview> previews) {
        return previews.stream().map(p -> {
            Set<String> visible = policy.visibleTo(p.role());
            List<Portal.Disclosed> shown = p.preferences().stream()
                    .filter(d -> CardService.fieldOf(d.category()) != null && visible.contains(CardService.fieldOf(d.category())))
                    .toList();
            return new Portal.RolePreview(p.role(), p.touchpointType(), shown, p.photo() && visible.contains("photo"));
        }).toList();
    }

    /** The answer, or the failure as the client raised it (a refusal keeps its type and status). */
    private static <T> T await(CompletionStage<T> answer) {
        try {
            return answer.toCompletableFuture().get();
        } catch (ExecutionException | CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
