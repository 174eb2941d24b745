package io.touchpoint.profile.bcbp;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Parses and validates IATA Bar Coded Boarding Pass strings (Resolution 792, format "M", versions up to 8):
 * the mandatory sections of every leg, the conditional sections with their hexadecimal sizes, the airline
 * use data and the security section. Every character must be accounted for; anything else is a
 * {@link BcbpFormatException} that names the field and its position.
 *
 * <p>Pure and thread-safe. Julian dates carry no year, so they are resolved relative to the scan date.
 */
public final class BcbpParser {

    /** Longest barcode accepted; a four-leg pass with full conditional and security data is well below it. */
    public static final int MAX_LENGTH = 1000;

    private static final int MAX_LEGS = 4;
    private static final Pattern NAME = Pattern.compile("[A-Za-z /.'-]+");
    private static final Pattern BOOKING_REFERENCE = Pattern.compile("[A-Z0-9]{2,7} *");
    private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");
    private static final Pattern CARRIER = Pattern.compile("[A-Z0-9]{2,3} *");
    private static final Pattern FLIGHT_NUMBER = Pattern.compile("([0-9]{1,4})([A-Z]?) *");
    private static final Pattern DAY_OF_YEAR = Pattern.compile("[0-9]{3}");
    private static final Pattern COMPARTMENT = Pattern.compile("[A-Z ]");
    private static final Pattern NUMBERED_SEAT = Pattern.compile("([0-9]{1,3})([A-Z])");
    private static final Pattern STATUS_SEAT = Pattern.compile("[A-Z]{3,4}");
    private static final Pattern CHECK_IN_SEQUENCE = Pattern.compile("[0-9A-Z ]{5}");
    private static final Pattern PASSENGER_STATUS = Pattern.compile("[0-9A-Z]");
    private static final Pattern ISSUE_DATE = Pattern.compile("[0-9]{4}");

    private BcbpParser() {
    }

    public static BoardingPass parse(String barcode, LocalDate scanDate) {
        if (barcode == null || barcode.isEmpty()) {
            throw new BcbpFormatException("The boarding pass barcode is empty.");
        }
        if (barcode.length() > MAX_LENGTH) {
            throw new BcbpFormatException("The boarding pass barcode is longer than " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < barcode.length(); i++) {
            char c = barcode.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new BcbpFormatException("Character " + (i + 1) + " is not printable ASCII; BCBP strings are ASCII only.");
            }
        }
        return new Parse(barcode, scanDate).boardingPass();
    }

    /** One pass over one barcode; holds the read position. */
    private static final class Parse {
        private final String text;
        private final LocalDate scanDate;
        private int position;

        private Integer version;
        private LocalDate issueDate;

        Parse(String text, LocalDate scanDate) {
            this.text = text;
            this.scanDate = scanDate;
        }

        BoardingPass boardingPass() {
            String format = take(1, "format code");
            if (!format.equals("M")) {
                throw error(0, 1, "format code", "must be 'M', the only format IATA defines for boarding passes");
            }
            String legCount = take(1, "number of legs");
            if (!legCount.matches("[1-" + MAX_LEGS + "]")) {
                throw error(1, 1, "number of legs", "must be a digit from 1 to " + MAX_LEGS);
            }
            int legs = legCount.charAt(0) - '0';

            int nameStart = position;
            String name = take(20, "passenger name");
            if (name.isBlank() || !NAME.matcher(name).matches() || name.trim().startsWith("/")) {
                throw error(nameStart, 20, "passenger name", "must be SURNAME/GIVEN NAMES in letters, padded with spaces");
            }
            String electronicTicket = take(1, "electronic ticket indicator");
            if (!electronicTicket.equals("E") && !electronicTicket.equals(" ")) {
                throw error(position - 1, 1, "electronic ticket indicator", "must be 'E' or a space");
            }

            List<BoardingPass.Leg> parsedLegs = new ArrayList<>(legs);
            for (int leg = 1; leg <= legs; leg++) {
                parsedLegs.add(leg(leg));
            }
            String securityType = securitySection();

            int slash = name.indexOf('/');
            String surname = (slash < 0 ? name : name.substring(0, slash)).trim();
            String givenName = slash < 0 ? "" : name.substring(slash + 1).trim();
            // A full field without '/' may have cut the surname; with '/', the surname ended there.
            boolean truncated = name.charAt(19) != ' ' && slash < 0;
            return new BoardingPass(surname, givenName, truncated, electronicTicket.equals("E"),
                    parsedLegs, version, issueDate, securityType);
        }

        private BoardingPass.Leg leg(int leg) {
            String prefix = "leg " + leg + " ";
            String bookingReference = field(7, prefix + "booking reference (PNR)", BOOKING_REFERENCE,
                    "must be 2 to 7 letters or digits, left-justified").trim();
            String origin = field(3, prefix + "from airport", AIRPORT, "must be a three-letter IATA airport code");
            String destination = field(3, prefix + "to airport", AIRPORT, "must be a three-letter IATA airport code");
            String carrier = field(3, prefix + "operating carrier", CARRIER,
                    "must be a 2- or 3-character airline designator, left-justified").trim();

            int flightStart = position;
            var flight = FLIGHT_NUMBER.matcher(take(5, prefix + "flight number"));
            if (!flight.matches()) {
                throw error(flightStart, 5, prefix + "flight number", "must be 1 to 4 digits and an optional letter");
            }
            String flightNumber = Integer.parseInt(flight.group(1)) + flight.group(2);

            int dateStart = position;
            String day = field(3, prefix + "flight date", DAY_OF_YEAR, "must be a day of the year, 001 to 366");
            LocalDate flightDate = nearestDate(Integer.parseInt(day))
                    .orElseThrow(() -> error(dateStart, 3, prefix + "flight date",
                            "must be a day of the year, 001 to 366, that exists near the scan date"));

            String compartment = field(1, prefix + "compartment code", COMPARTMENT, "must be a letter or a space").trim();
            String seat = seat(prefix);
            String checkInSequence = field(5, prefix + "check-in sequence number", CHECK_IN_SEQUENCE,
                    "must be letters, digits or spaces").trim();
            char passengerStatus = field(1, prefix + "passenger status", PASSENGER_STATUS,
                    "must be a letter or digit").charAt(0);

            int variableSize = hex(prefix + "size of the variable-size field");
            int variableEnd = end(variableSize, prefix + "variable-size field", text.length());

            String[] repeated = new String[0];
            if (variableSize > 0) {
                if (leg == 1 && text.charAt(position) == '>') {
                    uniqueConditionalSection(variableEnd);
                }
                if (position < variableEnd && version != null) {
                    repeated = repeatedConditionalSection(prefix, variableEnd);
                }
            }
            // What remains of the variable-size field is for individual airline use: opaque by definition.
            position = variableEnd;

            return new BoardingPass.Leg(bookingReference, origin, destination, carrier, flightNumber, flightDate,
                    compartment.isEmpty() ? null : compartment, seat, checkInSequence.isEmpty() ? null : checkInSequence, passengerStatus,
                    item(repeated, 4), item(repeated, 5), item(repeated, 6));
        }

        private String seat(String prefix) {
            int start = position;
            String raw = take(4, prefix + "seat number");
            if (raw.isBlank()) {
                return null;
            }
            var numbered = NUMBERED_SEAT.matcher(raw.trim());
            if (numbered.matches()) {
                return Integer.parseInt(numbered.group(1)) + numbered.group(2);
            }
            if (STATUS_SEAT.matcher(raw.trim()).matches()) {
                return raw.trim();
            }
            throw error(start, 4, prefix + "seat number", "must be a row and a letter such as 001A, a status such as INF, or blank");
        }

        /** Conditional unique items, only on leg 1: version, then passenger and issuance data. */
        private void uniqueConditionalSection(int variableEnd) {
            position++; // '>'
            int versionAt = position;
            String versionDigit = take(1, "conditional section version number");
            if (!versionDigit.matches("[0-9]")) {
                throw error(versionAt, 1, "conditional section version number", "must be a digit");
            }
            version = versionDigit.charAt(0) - '0';
            if (position == variableEnd) {
                return;
            }
            int size = hex("size of the unique conditional section");
            int end = end(size, "unique conditional section", variableEnd);
            // Items appear in this order and a pass may stop after any of them.
            String[] items = items(end, 1, 1, 1, 4, 1, 3, 13, 13, 13);
            if (items.length > 3 && items[3].length() == 4 && !items[3].isBlank()) {
                int issueDateAt = end - size + 3;
                if (!ISSUE_DATE.matcher(items[3]).matches()) {
                    throw error(issueDateAt, 4, "date of issue of boarding pass", "must be four digits (year digit and day of year)");
                }
                issueDate = issueDate(items[3])
                        .orElseThrow(() -> error(issueDateAt, 4, "date of issue of boarding pass",
                                "must be a day of the year that exists and is not after the scan date"));
            }
            position = end;
        }

        private String[] repeatedConditionalSection(String prefix, int variableEnd) {
            int size = hex(prefix + "size of the repeated conditional section");
            int end = end(size, prefix + "repeated conditional section", variableEnd);
            // Airline numeric code, document serial, selectee, document verification, marketing carrier,
            // frequent flyer airline, frequent flyer number, ID/AD, free baggage allowance, fast track.
            String[] items = items(end, 3, 10, 1, 1, 3, 3, 16, 1, 3, 1);
            position = end;
            return items;
        }

        /** Splits [position, end) into items of the given widths; a section may end inside any item. */
        private String[] items(int end, int... widths) {
            List<String> items = new ArrayList<>();
            int at = position;
            for (int width : widths) {
                if (at >= end) {
                    break;
                }
                int itemEnd = Math.min(at + width, end);
                items.add(text.substring(at, itemEnd));
                at = itemEnd;
            }
            // Characters beyond the known items belong to later versions of the standard; they are skipped.
            return items.toArray(String[]::new);
        }

        private String securitySection() {
            if (position == text.length()) {
                return null;
            }
            if (text.charAt(position) != '^') {
                throw error(position, text.length() - position, "data after the last leg",
                        "must be the security section, starting with '^', or nothing");
            }
            position++;
            String type = take(1, "type of security data");
            int length = hex("length of security data");
            end(length, "security data", text.length());
            position += length;
            if (position != text.length()) {
                throw error(position, text.length() - position, "data after the security section",
                        "is not allowed: the security data length must account for the rest of the barcode");
            }
            return type;
        }

        private String field(int width, String name, Pattern pattern, String rule) {
            int start = position;
            String value = take(width, name);
            if (!pattern.matcher(value).matches()) {
                throw error(start, width, name, rule);
            }
            return value;
        }

        private int hex(String name) {
            int start = position;
            String value = take(2, name);
            if (!value.matches("[0-9A-Fa-f]{2}")) {
                throw error(start, 2, name, "must be two hexadecimal digits");
            }
            return Integer.parseInt(value, 16);
        }

        /** The end of a section of the given size, which must fit inside its enclosing section. */
        private int end(int size, String name, int enclosingEnd) {
            if (position + size > enclosingEnd) {
                throw new BcbpFormatException("The " + name + " at character " + (position + 1) + " declares "
                        + size + " characters but only " + Math.max(0, enclosingEnd - position) + " are available.");
            }
            return position + size;
        }

        private String take(int width, String name) {
            if (position + width > text.length()) {
                throw new BcbpFormatException("The barcode ends at character " + text.length() + " before the "
                        + name + " (characters " + (position + 1) + "-" + (position + width) + ").");
            }
            String value = text.substring(position, position + width);
            position += width;
            return value;
        }

        private static String item(String[] items, int index) {
            if (index >= items.length || items[index].isBlank()) {
                return null;
            }
            return items[index].trim();
        }

        /** A day of the year resolved to the date nearest the scan date (a pass is scanned near its flight). */
        private Optional<LocalDate> nearestDate(int dayOfYear) {
            return Stream.of(-1, 0, 1)
                    .map(offset -> scanDate.getYear() + offset)
                    .filter(year -> dayOfYear >= 1 && dayOfYear <= Year.of(year).length())
                    .map(year -> LocalDate.ofYearDay(year, dayOfYear))
                    .min(Comparator.comparingLong(date -> Math.abs(date.toEpochDay() - scanDate.toEpochDay())));
        }

        /** Last digit of the year plus day of year: the latest such date not after the scan date. */
        private Optional<LocalDate> issueDate(String value) {
            int yearDigit = value.charAt(0) - '0';
            int dayOfYear = Integer.parseInt(value.substring(1));
            int year = scanDate.getYear() - Math.floorMod(scanDate.getYear() - yearDigit, 10);
            for (int tries = 0; tries < 2; tries++, year -= 10) {
                if (dayOfYear >= 1 && dayOfYear <= Year.of(year).length()) {
                    LocalDate date = LocalDate.ofYearDay(year, dayOfYear);
                    if (!date.isAfter(scanDate.plusDays(1))) { // a day of slack: the scan date is UTC
                        return Optional.of(date);
                    }
                }
            }
            return Optional.empty();
        }

        private static BcbpFormatException error(int start, int width, String name, String rule) {
            String where = width == 1 ? "character " + (start + 1) : "characters " + (start + 1) + "-" + (start + width);
            return new BcbpFormatException("The " + name + " (" + where + ") " + rule + ".");
        }
    }
}
