package io.touchpoint.profile.card;

import io.touchpoint.profile.bcbp.BcbpParser;
import io.touchpoint.profile.bcbp.BoardingPass;
import io.touchpoint.profile.customer.Customer;
import io.touchpoint.profile.customer.CustomerStatus;
import io.touchpoint.profile.customer.IdentifierType;
import io.touchpoint.profile.customer.Identifiers;
import io.touchpoint.profile.customer.SurnameMatch;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Finds a customer only from what they present. Every miss, whatever its reason, is the same 404, so the
 * answer never reveals whether a person exists under another identifier.
 */
@ApplicationScoped
public class CustomerResolver {

    private final Clock clock;

    public CustomerResolver(Clock clock) {
        this.clock = clock;
    }

    public record Resolution(Customer customer, BoardingPass boardingPass) {
    }

    public Resolution resolve(PresentedIdentifier presented) {
        return switch (presented) {
            case PresentedIdentifier.LoyaltyNumber loyalty -> new Resolution(
                    single(IdentifierType.LOYALTY_NUMBER, loyalty.loyaltyNumber()).orElseThrow(Problems::customerNotFound),
                    null);
            case PresentedIdentifier.BookingReference booking -> new Resolution(
                    byBookingReference(booking.bookingReference(), booking.surname(), false)
                            .orElseThrow(Problems::customerNotFound),
                    null);
            case PresentedIdentifier.BoardingPass pass -> fromBoardingPass(pass.barcode());
            // Only reached after BreakGlassSearchResource.require (called by CardProjectionResource): a supervisor
            // with a written justification.
            case PresentedIdentifier.BreakGlassCustomer picked -> new Resolution(
                    Customer.findActive(picked.customerId()).orElseThrow(Problems::customerNotFound), null);
        };
    }

    /**
     * A registered pass matches exactly. Otherwise the pass must name the customer: the frequent flyer number
     * or the booking reference is accepted only together with the surname printed on the same pass.
     */
    private Resolution fromBoardingPass(String barcode) {
        BoardingPass pass = BcbpParser.parse(barcode, LocalDate.now(clock));
        BoardingPass.Leg leg = pass.legs().getFirst();
        Optional<Customer> customer = single(IdentifierType.BOARDING_PASS, barcode);
        if (customer.isEmpty() && leg.frequentFlyerNumber() != null) {
            customer = single(IdentifierType.LOYALTY_NUMBER, leg.frequentFlyerNumber())
                    .filter(c -> SurnameMatch.matches(c.familyName, pass.surname(), pass.nameTruncated()));
        }
        if (customer.isEmpty()) {
            customer = byBookingReference(leg.bookingReference(), pass.surname(), pass.nameTruncated());
        }
        return new Resolution(customer.orElseThrow(Problems::customerNotFound), pass);
    }

    private Optional<Customer> single(IdentifierType type, String presented) {
        List<Customer> found = holders(type, presented);
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    private Optional<Customer> byBookingReference(String reference, String surname, boolean surnameMayBeTruncated) {
        List<Customer> matching = holders(IdentifierType.BOOKING_REFERENCE, reference).stream()
                .filter(c -> SurnameMatch.matches(c.familyName, surname, surnameMayBeTruncated))
                .toList();
        if (matching.size() > 1) {
            throw Problems.of(409, "ambiguous-identifier", "Identifier matches more than one traveller",
                    "More than one traveller on this booking has that surname; ask for the boarding pass or loyalty card.");
        }
        return matching.stream().findFirst();
    }

    /** Active customers holding the identifier: one indexed query. */
    private static List<Customer> holders(IdentifierType type, String presented) {
        String value = Identifiers.normalise(type, presented);
        if (!Identifiers.isWellFormed(type, value)) {
            return List.of();
        }
        return Customer.find("""
                        select c from Customer c, CustomerIdentifier i
                        where i.customerId = c.id and i.type = ?1 and i.value = ?2 and c.status = ?3""",
                type, value, CustomerStatus.ACTIVE).list();
    }
}
