package io.touchpoint.merkle;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    @Test
    void sortsMembersByUtf16CodeUnitsAndEscapesOnlyWhatJsonRequires() {
        Map<String, Object> object = new HashMap<>();
        object.put("b", List.of("x", 1, true));
        object.put("a", null);
        object.put("\u20ac", "\u00e9\"\\\n\u0001/");
        object.put("\ud83d\ude00", 1L);
        object.put("nested", Map.of("z", 2, "y", false));
        // RFC 8785 §3.2.3: "\u20ac" (0x20ac) sorts before the surrogate pair of U+1F600 (0xd83d).
        assertThat(CanonicalJson.write(object)).isEqualTo(
                "{\"a\":null,\"b\":[\"x\",1,true],\"nested\":{\"y\":false,\"z\":2},\"\u20ac\":\"\u00e9\\\"\\\\\\n\\u0001/\",\"\ud83d\ude00\":1}");
    }

    @Test
    void refusesWhatItCannotRepresentExactly() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("n", 1L << 53))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("d", 1.5))).isInstanceOf(IllegalArgumentException.class);
    }
}
