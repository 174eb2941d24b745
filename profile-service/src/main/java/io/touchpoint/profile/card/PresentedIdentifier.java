package io.touchpoint.profile.card;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the customer presented at the touchpoint. Exactly one of three shapes, chosen by {@code type};
 * a name alone is deliberately not one of them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PresentedIdentifier.BoardingPass.class, name = "BOARDING_PASS"),
        @JsonSubTypes.Type(value = PresentedIdentifier.BookingReference.class, name = "BOOKING_REFERENCE"),
        @JsonSubTypes.Type(value = PresentedIdentifier.LoyaltyNumber.class, name = "LOYALTY_NUMBER"),
        @JsonSubTypes.Type(value = PresentedIdentifier.BreakGlassCustomer.class, name = "CUSTOMER_ID")})
@Schema(oneOf = {PresentedIdentifier.BoardingPass.class, PresentedIdentifier.BookingReference.class,
        PresentedIdentifier.LoyaltyNumber.class, PresentedIdentifier.BreakGlassCustomer.class},
        discriminatorProperty = "type",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "BOARDING_PASS", schema = PresentedIdentifier.BoardingPass.class),
                @DiscriminatorMapping(value = "BOOKING_REFERENCE", schema = PresentedIdentifier.BookingReference.class),
                @DiscriminatorMapping(value = "LOYALTY_NUMBER", schema = PresentedIdentifier.LoyaltyNumber.class),
                @DiscriminatorMapping(value = "CUSTOMER_ID", schema = PresentedIdentifier.BreakGlassCustomer.class)})
public sealed interface PresentedIdentifier {

    @Schema(name = "PresentedBoardingPass", description = "The scanned IATA BCBP barcode, exactly as the scanner typed it.")
    record BoardingPass(
            @NotBlank @Size(max = 1000)
            @Schema(example = "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100") String barcode)
            implements PresentedIdentifier {
    }

    @Schema(name = "PresentedBookingReference", description = "A booking reference is only accepted together with the surname.")
    record BookingReference(
            @NotBlank @Size(max = 7) @Schema(example = "ABC123") String bookingReference,
            @NotBlank @Size(max = 100) @Schema(example = "Desmarais") String surname)
            implements PresentedIdentifier {
    }

    /** Not presented by the customer: a supervisor's break-glass pick from a name search, with a justification. */
    @Schema(name = "BreakGlassCustomer", description = "Supervisors only, with a justification in the request body")
    record BreakGlassCustomer(
            @jakarta.validation.constraints.NotNull @Schema(example = "3f1c2a9e-8a34-4c55-9d7e-1b2f3a4c5d6e") java.util.UUID customerId)
            implements PresentedIdentifier {
    }

    @Schema(name = "PresentedLoyaltyNumber")
    record LoyaltyNumber(
            @NotBlank @Size(max = 40) @Schema(example = "TP 1234 5678") String loyaltyNumber)
            implements PresentedIdentifier {
    }
}
