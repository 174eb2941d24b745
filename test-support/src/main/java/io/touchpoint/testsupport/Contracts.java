package io.touchpoint.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The responses the gateway relies on, as sample documents shared by both sides: the gateway's stubs answer
 * with them, and each service's tests check that its real responses have every member they contain, with
 * the same JSON type (a scalar may be null). A service that renames or drops a member the gateway reads
 * fails its own build.
 */
public final class Contracts {

    public static final String CARD_PROJECTION = "contracts/card-projection.json";
    public static final String RECOGNITION = "contracts/recognition.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Contracts() {
    }

    public static String text(String contract) {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(contract)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract " + contract);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every member of the contract that the actual document lacks or holds with another JSON type. */
    public static List<String> violations(String contract, String actualJson) {
        try {
            List<String> faults = new ArrayList<>();
            compare("$", JSON.readTree(text(contract)), JSON.readTree(actualJson), faults);
            return faults;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> faults) {
        if (actual == null || actual.isMissingNode()) {
            faults.add(path + " is missing");
            return;
        }
        if (actual.isNull() && expected.isValueNode()) {
            return; // optional scalars (a seat, a booked meal) may be null; the gateway reads them as absent
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            faults.add(path + " is " + actual.getNodeType() + ", the contract says " + expected.getNodeType());
            return;
        }
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> member : expected.properties()) {
                compare(path + "." + member.getKey(), member.getValue(), actual.get(member.getKey()), faults);
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            if (actual.isEmpty()) {
                faults.add(path + " is empty, so its elements cannot be checked");
            } else {
                compare(path + "[0]", expected.get(0), actual.get(0), faults);
            }
        }
    }
}
