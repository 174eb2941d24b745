package io.touchpoint.gateway.card;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The break-glass justification rule the API and the tablet's forms share: characters as a person counts them, and
 * nothing that could not be recorded. A form field never passes the JSON reader's text check, so before this rule a
 * NUL in a frontline member's justification made the DENIED record fail and the attempt went unrecorded.
 */
class JustificationTest {

    private static final String REASON = "Passenger unwell at gate B7; the medics need the booking. ";

    static Stream<Arguments> justifications() {
        return Stream.of(
                Arguments.of("a plain reason", REASON, true),
                Arguments.of("line breaks, tabs and right-to-left marks", REASON + "\n\t\u200Fהנוסע חש ברע\u200E\r\n", true),
                Arguments.of("2,000 emoji (4,000 UTF-16 units)", "\uD83D\uDEEB".repeat(2000), true),
                Arguments.of("2,001 emoji", "\uD83D\uDEEB".repeat(2001), false),
                Arguments.of("29 characters", "x".repeat(29), false),
                Arguments.of("a NUL from a form field", REASON + "\u0000", false),
                Arguments.of("an escape character", REASON + "\u001B[2J", false),
                Arguments.of("DEL", REASON + "\u007F", false),
                Arguments.of("an unpaired surrogate", REASON + "\uD83D", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("justifications")
    void aJustificationIsThirtyToTwoThousandCharactersOfRecordableText(String why, String text, boolean valid) {
        assertThat(new Justification.Length().isValid(text, null)).isEqualTo(valid);
    }
}
