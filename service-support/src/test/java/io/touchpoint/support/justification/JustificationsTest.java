package io.touchpoint.support.justification;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one break-glass justification rule the gateway (API and tablet forms) and profile-service share: characters as
 * a person counts them, without the white space around them, and nothing that could not be recorded. A form field
 * never passes the JSON reader's text check, so before this rule a NUL in a frontline member's justification made the
 * DENIED record fail and the attempt went unrecorded. Each service also proves the boundaries end to end.
 */
class JustificationsTest {

    private static final String REASON = "Passenger unwell at gate B7; the medics need the booking. ";
    private static final String EMOJI = "\uD83D\uDEEB";

    static Stream<Arguments> justifications() {
        return Stream.of(
                Arguments.of("a plain reason", REASON, true),
                Arguments.of("line breaks, tabs and right-to-left marks", REASON + "\n\t\u200Fהנוסע חש ברע\u200E\r\n", true),
                Arguments.of("30 characters, ten of them emoji", EMOJI.repeat(10) + "x".repeat(20), true),
                Arguments.of("29 characters, ten of them emoji (39 UTF-16 units)", EMOJI.repeat(10) + "x".repeat(19), false),
                Arguments.of("29 characters with white space around them", "  \t" + "x".repeat(29) + "\r\n ", false),
                Arguments.of("30 characters with white space around them", "  " + "x".repeat(30) + "\n", true),
                Arguments.of("2,000 emoji (4,000 UTF-16 units)", EMOJI.repeat(2000), true),
                Arguments.of("2,000 emoji with white space around them", " " + EMOJI.repeat(2000) + "\n", true),
                Arguments.of("2,001 emoji", EMOJI.repeat(2001), false),
                Arguments.of("only white space", " ".repeat(40), false),
                Arguments.of("a NUL from a form field", REASON + "\u0000", false),
                Arguments.of("an escape character", REASON + "\u001B[2J", false),
                Arguments.of("DEL", REASON + "\u007F", false),
                Arguments.of("an unpaired surrogate", REASON + "\uD83D", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("justifications")
    void aJustificationIsThirtyToTwoThousandCharactersOfRecordableTextWithoutTheWhiteSpaceAroundIt(String why, String text,
                                                                                                  boolean valid) {
        assertThat(Justifications.isValid(text)).isEqualTo(valid);
        assertThat(new Justification.Rule().isValid(Justifications.normalise(text), null)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("justifications")
    void normalisingTwiceChangesNothing(String why, String text, boolean valid) {
        String once = Justifications.normalise(text);
        assertThat(Justifications.normalise(once)).isEqualTo(once);
        assertThat(Justifications.isValid(once)).isEqualTo(valid);
    }
}
