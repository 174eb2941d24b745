package io.touchpoint.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One table of hostile input, sent to every operation of a service's OpenAPI document (architecture rule 10):
 * control characters, NUL, unpaired surrogates, right-to-left marks, emoji, long and huge strings, 10,000 levels of
 * nesting, huge arrays, duplicate keys, invalid UTF-8 and wrong content types, in every path parameter, query
 * parameter and JSON body. Each answer must be a 4xx problem+json or a success, never a 5xx, a stack trace or a hang.
 * Each service's test feeds its own document and says which token each role uses.
 */
public final class HostileInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";

    private HostileInput() {
    }

    /** One operation of the OpenAPI document. */
    public record Operation(String method, String path, Map<String, JsonNode> pathParameters, Map<String, JsonNode> queryParameters,
                            boolean jsonBody, List<String> bodyFields, JsonNode example) {

        public String name() {
            return method + " " + path;
        }
    }

    /**
     * A value for a URI, already percent-encoded (so that invalid encodings can be sent too). {@code httpLayer}: the
     * HTTP server refuses the request line before any handler can answer, with a bare 400 (docs/api.md, Limits).
     */
    public record Text(String name, String encoded, boolean httpLayer) {

        Text(String name, String encoded) {
            this(name, encoded, false);
        }
    }

    /** A request body and the content type it is sent as. */
    public record Body(String name, String contentType, byte[] bytes) {
    }

    private static Text text(String name, String raw) {
        return new Text(name, URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** Hostile values for path and query parameters. */
    public static List<Text> texts() {
        return List.of(
                text("control characters", "a\u0001b\u0007c\u001b[31m"),
                new Text("NUL", "a%00b"),
                new Text("unpaired surrogate (CESU-8 bytes)", "a%ED%A0%80b"),
                new Text("invalid UTF-8", "a%FF%FEb"),
                new Text("broken percent-encoding", "a%zzb%", true),
                text("right-to-left override and marks", "\u202Eevil\u202C\u200F\u061C"),
                text("emoji and joiners", "😀👨‍👩‍👧‍👦🏳️‍🌈"),
                text("zero-width and compatibility characters", "\u200B\uFEFFﬀİ"),
                text("SQL", "' OR 1=1 --"),
                text("path traversal", "../../etc/passwd"),
                text("huge number", "99999999999999999999999999999"),
                text("negative", "-1"),
                text("empty", ""),
                text("1,500 characters", "A".repeat(1500)),
                text("5,000 characters", "A".repeat(5000)));
    }

    /** Hostile JSON bodies for an operation (some use its fields, so that they reach the field's reader). */
    public static List<Body> bodies(Operation operation) {
        String field = operation.bodyFields().isEmpty() ? "value" : operation.bodyFields().getFirst();
        List<Body> bodies = new ArrayList<>();
        bodies.add(json("empty", ""));
        bodies.add(json("null", "null"));
        bodies.add(json("a string", "\"text\""));
        bodies.add(json("an array", "[]"));
        bodies.add(json("truncated", "{\"" + field + "\":"));
        bodies.add(json("10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000)));
        bodies.add(json("10,000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        bodies.add(json("200,000-element array", "{\"" + field + "\":[" + "0,".repeat(199_999) + "0]}"));
        bodies.add(json("2 MB array", "[" + "0,".repeat(1_048_575) + "0]"));
        bodies.add(json("100 KB string", "{\"" + field + "\":\"" + "A".repeat(100_000) + "\"}"));
        bodies.add(json("5,000-digit number", "{\"" + field + "\":" + "9".repeat(5000) + "}"));
        bodies.add(json("escaped NUL", "{\"" + field + "\":\"a\\u0000b\"}"));
        bodies.add(json("raw control character", "{\"" + field + "\":\"a\u0001b\"}"));
        bodies.add(json("escaped unpaired surrogate", "{\"" + field + "\":\"a\\uD800b\"}"));
        bodies.add(json("right-to-left override and emoji", "{\"" + field + "\":\"\u202Eevil\u202C 😀👨‍👩‍👧‍👦\"}"));
        bodies.add(json("duplicate key", "{\"" + field + "\":\"a\",\"" + field + "\":\"b\"}"));
        bodies.add(json("unknown operator object", "{\"" + field + "\":{\"$gt\":\"\"}}"));
        bodies.add(new Body("invalid UTF-8", "application/json",
                concat("{\"" + field + "\":\"a", new byte[]{(byte) 0xFF, (byte) 0xFE}, "b\"}")));
        bodies.add(new Body("UTF-16 declared, UTF-8 sent", "application/json; charset=UTF-16",
                ("{\"" + field + "\":\"a\"}").getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("text/plain", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("XML", "application/xml", "<a>1</a>".getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("a form", "application/x-www-form-urlencoded", "a=1&b=2".getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("no content type", null, "{}".getBytes(StandardCharsets.UTF_8)));
        // The documented example with one field made hostile, so that the value reaches validation, storage and logs.
        if (operation.example() != null && operation.example().isObject()) {
            Map<String, String> hostile = Map.of(
                    "100 KB", "A".repeat(100_000),
                    "NUL", "a\u0000b",
                    "an unpaired surrogate", "a" + LONE_SURROGATE + "b",
                    "right-to-left override, emoji and a line break", "\u202Eevil\u202C 😀👨‍👩‍👧‍👦\nsecond line",
                    "an empty string", "");
            for (String name : operation.bodyFields()) {
                hostile.forEach((what, value) -> {
                    com.fasterxml.jackson.databind.node.ObjectNode body = operation.example().deepCopy();
                    body.put(name, value);
                    // A lone surrogate cannot be encoded as UTF-8: it travels as the JSON escape, as a client would send it.
                    String text = body.toString().replace(LONE_SURROGATE, "\\uD800");
                    bodies.add(new Body("example with " + name + " = " + what, "application/json", text.getBytes(StandardCharsets.UTF_8)));
                });
            }
            bodies.add(new Body("the documented example", "application/json", operation.example().toString().getBytes(StandardCharsets.UTF_8)));
        }
        return bodies;
    }

    private static Body json(String name, String text) {
        return new Body(name, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(StandardCharsets.UTF_8);
        byte[] c = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    /** The operations of an OpenAPI document (JSON). */
    public static List<Operation> operations(String openApiJson) {
        JsonNode api;
        try {
            api = JSON.readTree(openApiJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (entry.getKey().equals("parameters")) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                Map<String, JsonNode> pathParameters = new LinkedHashMap<>();
                Map<String, JsonNode> queryParameters = new LinkedHashMap<>();
                List<JsonNode> parameters = new ArrayList<>(shared);
                operation.path("parameters").forEach(parameters::add);
                for (JsonNode parameter : parameters) {
                    JsonNode resolved = resolve(api, parameter);
                    String in = resolved.path("in").asText();
                    if (in.equals("path")) {
                        pathParameters.put(resolved.path("name").asText(), resolve(api, resolved.path("schema")));
                    } else if (in.equals("query")) {
                        queryParameters.put(resolved.path("name").asText(), resolve(api, resolved.path("schema")));
                    }
                }
                JsonNode content = operation.path("requestBody").path("content");
                JsonNode schema = content.path("application/json").path("schema");
                List<String> fields = new ArrayList<>();
                resolve(api, schema).path("properties").fieldNames().forEachRemaining(fields::add);
                operations.add(new Operation(entry.getKey().toUpperCase(), path.getKey(), pathParameters, queryParameters,
                        content.has("application/json"), fields, example(api, schema, 0)));
            }
        }
        return operations;
    }

    /** A body built from the schema's examples, so that a probe replacing one field gets past the others' checks. */
    private static JsonNode example(JsonNode api, JsonNode schema, int depth) {
        JsonNode resolved = resolve(api, schema);
        if (depth > 8) {
            return JSON.nullNode();
        }
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        if (resolved.has("allOf") && !resolved.get("allOf").isEmpty()) {
            return example(api, resolved.get("allOf").get(0), depth + 1);
        }
        if (resolved.has("enum") && !resolved.get("enum").isEmpty()) {
            return resolved.get("enum").get(0);
        }
        if (resolved.has("properties")) {
            com.fasterxml.jackson.databind.node.ObjectNode object = JSON.createObjectNode();
            resolved.get("properties").properties().forEach(p -> object.set(p.getKey(), example(api, p.getValue(), depth + 1)));
            return object;
        }
        if ("array".equals(resolved.path("type").asText())) {
            return JSON.createArrayNode().add(example(api, resolved.path("items"), depth + 1));
        }
        return JSON.nullNode();
    }

    private static JsonNode resolve(JsonNode api, JsonNode node) {
        for (int depth = 0; node.has("$ref") && depth < 10; depth++) {
            String[] parts = node.get("$ref").asText().replaceFirst("^#/", "").split("/");
            JsonNode target = api;
            for (String part : parts) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    /** A harmless value for a parameter of this schema, so that the probe reaches the part under test. */
    private static String plausible(JsonNode schema) {
        if ("uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        String type = schema.path("type").asText();
        if (type.equals("integer") || type.equals("number")) {
            return "1";
        }
        if (type.equals("boolean")) {
            return "true";
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0).asText();
        }
        return "probe-1";
    }

    /**
     * What a sweep saw: how many probes, how many answers of each status, and what went wrong, one line per probe
     * (no faults when every answer was a 4xx problem+json or a success).
     */
    public record Report(int probes, Map<Integer, Integer> statuses, List<String> faults) {
    }

    /**
     * Sends every hostile value and body to every operation.
     *
     * @param callers the headers (Authorization and any others) of each kind of caller the service has; each
     *                operation is probed as the first one it admits, so that probes reach the code under test rather
     *                than stopping at a 401 or 403
     */
    public static Report sweep(URI base, List<Operation> operations, List<Map<String, String>> callers) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
        Report report = new Report(0, new java.util.TreeMap<>(), new ArrayList<>());
        int probes = 0;
        for (Operation operation : operations) {
            Map<String, String> callerHeaders = admitted(client, base, operation, callers);
            if (callerHeaders == null) {
                report.faults().add(operation.name() + ": admits none of the callers given, so nothing reached it");
                continue;
            }
            for (Text text : texts()) {
                for (String parameter : operation.pathParameters().keySet()) {
                    String uri = uri(operation, parameter, text.encoded(), null, null);
                    probe(client, base, operation, uri, callerHeaders, null, report, "path " + parameter + " = " + text.name(), text.httpLayer());
                    probes++;
                }
                for (String parameter : operation.queryParameters().keySet()) {
                    String uri = uri(operation, null, null, parameter, text.encoded());
                    probe(client, base, operation, uri, callerHeaders, null, report, "query " + parameter + " = " + text.name(), text.httpLayer());
                    probes++;
                }
            }
            if (operation.jsonBody()) {
                for (Body body : bodies(operation)) {
                    probe(client, base, operation, uri(operation, null, null, null, null), callerHeaders, body, report,
                            "body: " + body.name(), false);
                    probes++;
                }
            }
        }
        return new Report(probes, report.statuses(), report.faults());
    }

    /** The first caller that gets past authentication and authorisation with a harmless request. */
    private static Map<String, String> admitted(HttpClient client, URI base, Operation operation, List<Map<String, String>> callers) {
        Body harmless = operation.jsonBody() ? json("empty object", "{}") : null;
        for (Map<String, String> caller : callers) {
            try {
                int status = send(client, base, operation.method(), uri(operation, null, null, null, null), caller, harmless).status();
                if (status != 401 && status != 403) {
                    return caller;
                }
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static String uri(Operation operation, String hostilePath, String pathValue, String hostileQuery, String queryValue) {
        String path = operation.path();
        for (Map.Entry<String, JsonNode> parameter : operation.pathParameters().entrySet()) {
            String value = parameter.getKey().equals(hostilePath) ? pathValue : plausible(parameter.getValue());
            path = path.replace("{" + parameter.getKey() + "}", value);
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, JsonNode> parameter : operation.queryParameters().entrySet()) {
            if (parameter.getKey().equals(hostileQuery)) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.getKey()).append('=').append(queryValue);
            }
        }
        return path + query;
    }

    private record Answer(int status, String contentType, String body) {
    }

    private static void probe(HttpClient client, URI base, Operation operation, String pathAndQuery, Map<String, String> headers,
                              Body body, Report report, String what, boolean httpLayer) {
        String label = operation.name() + " with " + what;
        Answer answer;
        try {
            answer = send(client, base, operation.method(), pathAndQuery, headers, body);
        } catch (HttpTimeoutException | java.net.SocketTimeoutException e) {
            report.faults().add(label + ": no answer within " + PATIENCE.toSeconds() + " s");
            return;
        } catch (IOException e) {
            report.faults().add(label + ": connection failed (" + e.getClass().getSimpleName() + ")");
            return;
        }
        report.statuses().merge(answer.status(), 1, Integer::sum);
        if (answer.status() >= 500) {
            report.faults().add(label + ": " + answer.status());
        } else if (httpLayer && answer.status() == 400 && answer.body().isEmpty()) {
            return; // refused by the HTTP server itself, before any handler (documented)
        } else if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            report.faults().add(label + ": " + answer.status() + " without a problem+json body (" + answer.contentType() + ")");
        }
        if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
            report.faults().add(label + ": the answer names an exception");
        }
    }

    private static Answer send(HttpClient client, URI base, String method, String pathAndQuery, Map<String, String> headers,
                               Body body) throws IOException {
        URI uri;
        try {
            uri = URI.create(base.toString().replaceFirst("/$", "") + pathAndQuery);
        } catch (IllegalArgumentException notAUri) {
            return sendRaw(base, method, pathAndQuery, headers); // e.g. broken percent-encoding, which java.net.URI refuses
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(PATIENCE);
        headers.forEach(request::header);
        if (body != null && body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HTTP/1.1 over a plain socket, for request lines no URI class will build. */
    private static Answer sendRaw(URI base, String method, String pathAndQuery, Map<String, String> headers) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            StringBuilder request = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nConnection: close\r\nContent-Length: 0\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = response.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String type = "";
            for (String line : lines) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).strip();
                }
            }
            int split = response.indexOf("\r\n\r\n");
            return new Answer(status, type, split < 0 ? "" : response.substring(split + 4));
        }
    }

    /** A bearer token for a caller in this role (a customer's carries a fresh customer id). */
    public static Map<String, String> bearer(String role) {
        String token = role.equals("customer") ? Tokens.customer(UUID.randomUUID()) : Tokens.withRoles("probe-" + role, role);
        return Map.of("Authorization", "Bearer " + token);
    }

    /** One bearer caller per role. */
    public static List<Map<String, String>> bearers(String... roles) {
        return Arrays.stream(roles).map(HostileInput::bearer).toList();
    }

    /**
     * The callers of a service behind the gateway (ADR 0015): a gate agent's own token exchanged for the service,
     * with the acting headers; a customer's token relayed for their erasure; the gateway's own token, which may
     * only complete an erasure; then one bearer caller per role given.
     */
    public static List<Map<String, String>> relayedCallersAnd(String... roles) {
        List<Map<String, String>> callers = new ArrayList<>(List.of(
                Map.of("Authorization", "Bearer " + Tokens.relayedStaff("staff-4711", "gate-agent"),
                        "X-Acting-Role", "gate-agent", "X-Touchpoint", "GATE/A12", "X-Purpose", "personalised-service"),
                Map.of("Authorization", "Bearer " + Tokens.relayedCustomer(UUID.randomUUID())),
                Map.of("Authorization", "Bearer " + Tokens.gateway())));
        callers.addAll(bearers(roles));
        return callers;
    }
}
