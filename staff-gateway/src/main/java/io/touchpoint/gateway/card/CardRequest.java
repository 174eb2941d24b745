package io.touchpoint.gateway.card;

import com.fasterxml.jackson.databind.JsonNode;
import io.touchpoint.support.justification.Justification;
import io.touchpoint.support.justification.Justifications;
import io.touchpoint.support.web.ActingStaff;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a tablet sends for a card. The identifier travels in the body, never in the URL. */
public record CardRequest(
        @NotNull @Schema(description = "What the customer presented: BOARDING_PASS, BOOKING_REFERENCE (with surname) or LOYALTY_NUMBER",
                example = "{\"type\":\"LOYALTY_NUMBER\",\"loyaltyNumber\":\"TP 1234 5678\"}") JsonNode presented,
        @NotNull @Pattern(regexp = ActingStaff.TOUCHPOINT, message = "must be TYPE/ID, e.g. GATE/A12")
        @Schema(example = "GATE/A12") String touchpoint,
        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,49}", message = "must be a purpose key such as personalised-service")
        @Schema(example = "personalised-service") String purpose,
        @Pattern(regexp = ActingStaff.STAFF_ROLES, message = "must be a staff role you hold")
        @Schema(example = "gate-agent", description = "Needed only when your token holds more than one staff role") String role,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "must be a device id of letters, digits, . _ -")
        @Schema(example = "tablet-17") String device,
        @Justification
        @Schema(description = "Supervisors opening a card found by break-glass search (presented type CUSTOMER_ID) only")
        String justification) {

    /** The justification as it is checked, forwarded and recorded: without the white space around it. */
    public CardRequest {
        justification = Justifications.normalise(justification);
    }

    public boolean isBreakGlass() {
        return "CUSTOMER_ID".equals(presented.path("type").asText());
    }
}
