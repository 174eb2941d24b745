package io.touchpoint.gateway.card;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.touchpoint.gateway.downstream.Downstream;
import io.touchpoint.support.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/cards")
@Tag(name = "Cards", description = "For frontline staff")
@SecurityRequirement(name = "SecurityScheme")
public class CardResource {

    private final CardService cards;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CardResource(CardService cards, SecurityIdentity identity, JsonWebToken token) {
        this.cards = cards;
        this.identity = identity;
        this.token = token;
    }

    @POST
    @RolesAllowed({"gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The context card of the customer in front of you",
            description = "Only the fields your role's scope lists, only consented preferences; every card is recorded "
                    + "before it is shown, and the customer can see the record.")
    @APIResponse(responseCode = "200", description = "The card, with every purpose under which something on it was shown")
    @APIResponse(responseCode = "400", description = "Malformed request, an unknown purpose or touchpoint type (the attempt is recorded)")
    @APIResponse(responseCode = "403", description = "A touchpoint the role or your current assignment does not allow, or a purpose "
            + "the role may not use (look-policy.yaml); the attempt is recorded as DENIED")
    @APIResponse(responseCode = "404", description = "No customer matches what was presented")
    @APIResponse(responseCode = "503", description = "Profiles unavailable, or the look could not be recorded: no card")
    public ObjectNode card(@NotNull @Valid CardRequest request, @Context ContainerRequestContext context) {
        String role = actingRole(request.role());
        // Break-glass checks (supervisor, justification) and their records are the card service's, as for the tablet.
        return cards.card(asker(role, request.touchpoint(), request.purpose(), context), request);
    }

    @POST
    @Path("/search")
    @RolesAllowed({"gate-agent", "check-in-agent", "lounge-host", "cabin-crew", "supervisor"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Break-glass: a supervisor finds a customer by name, with a written justification",
            description = "Frontline roles cannot search. Each customer shown gets an access record carrying the "
                    + "justification, flagged for review and visible in their access history.")
    @APIResponse(responseCode = "200", description = "Matching customers (at most 20)")
    @APIResponse(responseCode = "400", description = "No name, or a justification that is not 30 to 2,000 characters once the "
            + "white space around it is removed")
    @APIResponse(responseCode = "403", description = "Not a supervisor, or refused by the look policy or by profile-service "
            + "(every refused attempt is recorded as DENIED)")
    public ArrayNode search(@NotNull @Valid SearchRequest request, @Context ContainerRequestContext context) {
        // A frontline member acts in one of their own roles, and the card service refuses and records the attempt.
        String role = identity.hasRole(CardService.SUPERVISOR) ? CardService.SUPERVISOR
                : ScopePolicy.STAFF_ROLES.stream().filter(identity::hasRole).sorted().findFirst().orElseThrow();
        return cards.search(asker(role, request.touchpoint(), request.purpose(), context), request);
    }

    private Downstream.Asker asker(String role, String touchpoint, String purpose, ContainerRequestContext context) {
        return Downstream.Asker.of(token.getSubject(), role, touchpoint, purpose, context);
    }

    /** The staff role acted in: the one named, which the token must hold, or the token's only staff role. */
    private String actingRole(String named) {
        List<String> held = ScopePolicy.STAFF_ROLES.stream().filter(identity::hasRole).sorted().toList();
        if (named != null) {
            if (!held.contains(named)) {
                throw Problems.of(403, "role-not-held", "Role not held", "Your token does not hold the role " + named + ".");
            }
            return named;
        }
        if (held.size() != 1) {
            throw Problems.badRequest("role-needed", "Name your role", "role: your token holds " + held + "; name the one you act in.");
        }
        return held.getFirst();
    }
}
