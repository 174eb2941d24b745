package io.touchpoint.profile.bcbp;

import java.time.LocalDate;
import java.util.List;

/**
 * What an IATA BCBP barcode says about its passenger and flights.
 *
 * @param surname        family name as printed on the pass (upper case, possibly truncated to fit 20 characters)
 * @param givenName      given name(s), empty when the pass carries none
 * @param nameTruncated  true when the name field is full, so the surname may have been cut short
 * @param version        version of the conditional section, or null when the pass has none
 * @param issueDate      date the pass was issued, or null when absent
 * @param securityType   type of the airline's security data (signature), or null when absent
 */
public record BoardingPass(
        String surname,
        String givenName,
        boolean nameTruncated,
        boolean electronicTicket,
        List<Leg> legs,
        Integer version,
        LocalDate issueDate,
        String securityType) {

    public BoardingPass {
        legs = List.copyOf(legs);
    }

    /**
     * One flight on the pass.
     *
     * @param flightNumber         digits without leading zeros plus an optional suffix letter, e.g. "834" or "12A"
     * @param compartment          cabin class letter, null when blank
     * @param seat                 e.g. "1A"; a status word such as "INF" or "GATE"; null when blank
     * @param frequentFlyerAirline null unless the conditional section carries it
     * @param frequentFlyerNumber  null unless the conditional section carries it
     */
    public record Leg(
            String bookingReference,
            String origin,
            String destination,
            String operatingCarrier,
            String flightNumber,
            LocalDate flightDate,
            String compartment,
            String seat,
            String checkInSequence,
            char passengerStatus,
            String marketingCarrier,
            String frequentFlyerAirline,
            String frequentFlyerNumber) {
    }
}
