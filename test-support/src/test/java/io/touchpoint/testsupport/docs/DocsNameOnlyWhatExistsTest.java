package io.touchpoint.testsupport.docs;

import io.touchpoint.testsupport.docs.CodeIndex.Type;
import io.touchpoint.testsupport.docs.Markdown.Line;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The docs name only what exists. Every Markdown file of the repository (docs/, the READMEs) is read against the
 * repository itself: links, paths, classes and their members, test methods, configuration keys, endpoints and
 * ADRs. A rename or a removal then fails the build where the docs would otherwise drift. Files and the JDK's
 * parser only: nothing starts, so it runs in seconds.
 */
class DocsNameOnlyWhatExistsTest {

    private static final Repository REPOSITORY = Repository.here();
    private static final List<Markdown> DOCS = REPOSITORY.markdown().stream().map(Markdown::new).toList();
    private static final CodeIndex CODE = CodeIndex.of(REPOSITORY.javaSources());

    /** {@code card.CardService}, {@code CardService#admit}, {@code e2e/PagesIT}, {@code TrailDutiesTest#theServiceRole…}. */
    private static final Pattern JAVA_NAME = Pattern.compile("(?:(?<module>[a-z0-9-]+)/)?"
            + "(?:(?<package>[a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.)?(?<type>[A-Z][A-Za-z0-9]*)"
            + "(?:[.#](?<member>[A-Za-z_][A-Za-z0-9_]*)(?<abbreviated>…)?(?:\\(.*\\))?)?");
    /** Two humps at least: {@code CardService} is a class name, {@code Problems} may be a word. */
    private static final Pattern CAMEL_CASE = Pattern.compile("[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*");
    /** {@code touchpoint.trail.lag}, {@code touchpoint.consent.*}, {@code quarkus.jackson.fail-on-unknown-properties=true}. */
    private static final Pattern CONFIG_KEY = Pattern.compile("(?<key>(?:touchpoint|quarkus)\\.[a-z0-9][a-z0-9.-]*?)(?:\\.\\*)?(?:=.*)?");
    /** {@code deploy/keycloak/touchpoint-realm.json}, {@code deploy/dev-keys/}. */
    private static final Pattern REPOSITORY_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_.-]+)+/?");
    /** {@code POST /api/cards}; a curl command's {@code -X PUT http://127.0.0.1:8081/api/ingest/customers/crm-1}. */
    private static final Pattern METHOD_AND_PATH = Pattern.compile("\\b(GET|POST|PUT|DELETE|PATCH) (/api/[^\\s`]*)");
    private static final Pattern CURL_URL = Pattern.compile("https?://[^/\\s\"']+(/api/[^\\s\"']*)");
    private static final Pattern CURL_METHOD = Pattern.compile("-X\\s*([A-Z]+)");
    /** In the POMs, the run command and the code: {@code docs/operations.md}, {@code docs/decisions/0015}. */
    private static final Pattern DOCS_PATH = Pattern.compile("(?<![\\w./-])docs/[A-Za-z0-9_./-]*[A-Za-z0-9_/]");
    private static final Pattern ADR_BY_NUMBER = Pattern.compile("docs/decisions/(\\d{4})");
    private static final Pattern ADR_MENTION = Pattern.compile("\\bADRs? (\\d{4})\\b");
    /** {@code /api/me/...}, {@code /api/trail/…}, {@code /api/**}: the docs mean every endpoint under a path. */
    private static final Pattern UNDER_A_PATH = Pattern.compile("(?<prefix>.*/)(?:\\.\\.\\.|…|\\*\\*?)");

    @Test
    void everyRelativeLinkLeadsToAFileAndEveryAnchorToAHeading() {
        List<String> broken = new ArrayList<>();
        for (Markdown doc : DOCS) {
            for (Line line : doc.prose()) {
                for (String target : Markdown.linkTargets(line.text())) {
                    linkProblem(doc, target).ifPresent(problem -> broken.add(where(doc, line) + problem));
                }
            }
        }
        assertNoneBroken("links", broken);
    }

    @Test
    void everyRepositoryPathInBackticksExists() {
        List<String> broken = new ArrayList<>();
        for (Span span : codeSpansInProse()) {
            if (isRepositoryPath(span.text()) && !Files.exists(REPOSITORY.root.resolve(span.text()))) {
                broken.add(span + ": no such file or folder in the repository");
            }
        }
        assertNoneBroken("repository paths", broken);
    }

    @Test
    void everyClassMemberAndTestInBackticksIsDeclaredInTheCode() {
        List<String> broken = new ArrayList<>();
        for (Span span : codeSpansInProse()) {
            Matcher name = JAVA_NAME.matcher(span.text());
            if (name.matches() && looksLikeJava(name)) {
                javaNameProblem(name).ifPresent(problem -> broken.add(span + ": " + problem));
            }
        }
        assertNoneBroken("class, member and test names", broken);
    }

    /**
     * {@code quarkus.*} as strictly as {@code touchpoint.*}: every Quarkus setting the docs name is set in an
     * application.properties, so a misspelt one fails; a default worth naming is worth setting explicitly.
     */
    @Test
    void everyConfigurationKeyInBackticksIsSetOrReadByTheCode() {
        Set<String> known = new HashSet<>(CODE.configKeys);
        known.addAll(keysInApplicationProperties());
        List<String> broken = new ArrayList<>();
        for (Span span : codeSpansInProse()) {
            Matcher key = CONFIG_KEY.matcher(span.text());
            if (key.matches() && !isKnownKey(key.group("key"), known)) {
                broken.add(span + ": set in no application.properties and read by no code");
            }
        }
        assertNoneBroken("configuration keys", broken);
    }

    @Test
    void everyEndpointTheDocsCallIsServed() {
        List<String> broken = new ArrayList<>();
        for (Markdown doc : DOCS) {
            for (Line line : doc.lines) {
                for (String[] call : callsOn(line)) {
                    if (!isServed(call[0], call[1])) {
                        broken.add(where(doc, line) + (call[0] == null ? "" : call[0] + " ") + call[1] + ": no such endpoint in the code");
                    }
                }
            }
        }
        assertNoneBroken("endpoints", broken);
    }

    @Test
    void everyDocumentAndAdrTheDocsTheBuildAndTheCodeNameExists() {
        List<String> broken = new ArrayList<>();
        for (Path file : REPOSITORY.buildAndCode()) {
            List<String> lines = Repository.lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String at = REPOSITORY.relative(file) + ":" + (i + 1) + ": ";
                Matcher path = DOCS_PATH.matcher(lines.get(i));
                while (path.find()) {
                    if (!documentExists(path.group())) {
                        broken.add(at + path.group() + ": no such document");
                    }
                }
                adrMentionProblems(lines.get(i)).forEach(problem -> broken.add(at + problem));
            }
        }
        for (Markdown doc : DOCS) {
            for (Line line : doc.lines) {
                adrMentionProblems(line.text()).forEach(problem -> broken.add(where(doc, line) + problem));
            }
        }
        assertNoneBroken("documents and ADRs", broken);
    }

    /** A code span in prose, and where it is: {@code docs/api.md:12: `CardService`}. */
    private record Span(String text, String where) {
        @Override
        public String toString() {
            return where + "`" + text + "`";
        }
    }

    private static List<Span> codeSpansInProse() {
        List<Span> spans = new ArrayList<>();
        for (Markdown doc : DOCS) {
            for (Line line : doc.prose()) {
                Markdown.codeSpans(line.text()).forEach(text -> spans.add(new Span(text, where(doc, line))));
            }
        }
        return spans;
    }

    // Links and paths

    private static Optional<String> linkProblem(Markdown doc, String target) {
        if (target.contains("://") || target.startsWith("mailto:")) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? doc.file : doc.file.getParent().resolve(path).normalize();
        if (!file.startsWith(REPOSITORY.root) || !Files.exists(file)) {
            return Optional.of(target + ": no such file in the repository");
        }
        if (hash >= 0 && file.toString().endsWith(".md") && !new Markdown(file).anchors().contains(target.substring(hash + 1))) {
            return Optional.of(target + ": no such heading in " + REPOSITORY.relative(file));
        }
        return Optional.empty();
    }

    /** A path from the repository's root into one of its top-level folders; build output and local state are not. */
    private static boolean isRepositoryPath(String span) {
        if (!REPOSITORY_PATH.matcher(span).matches() || JAVA_NAME.matcher(span).matches() || span.startsWith(".")) {
            return false;
        }
        List<String> segments = List.of(span.split("/"));
        return !segments.contains("target") && Files.isDirectory(REPOSITORY.root.resolve(segments.getFirst()));
    }

    private static boolean documentExists(String path) {
        Matcher adr = ADR_BY_NUMBER.matcher(path);
        return adr.matches() ? adrExists(adr.group(1)) : Files.exists(REPOSITORY.root.resolve(path));
    }

    private static List<String> adrMentionProblems(String text) {
        List<String> problems = new ArrayList<>();
        Matcher adr = ADR_MENTION.matcher(text);
        while (adr.find()) {
            if (!adrExists(adr.group(1))) {
                problems.add("ADR " + adr.group(1) + ": no such decision in docs/decisions");
            }
        }
        return problems;
    }

    private static boolean adrExists(String number) {
        String[] decisions = REPOSITORY.root.resolve("docs/decisions").toFile().list();
        return decisions != null && List.of(decisions).stream().anyMatch(name -> name.startsWith(number + "-") && name.endsWith(".md"));
    }

    // Classes, members and tests

    /** A class name with two humps, or any capitalised name written with its package, module or a member. */
    private static boolean looksLikeJava(Matcher name) {
        String type = name.group("type");
        boolean qualified = name.group("module") != null || name.group("package") != null || name.group("member") != null;
        return !type.equals(type.toUpperCase()) && (CAMEL_CASE.matcher(type).matches() || qualified);
    }

    private static Optional<String> javaNameProblem(Matcher name) {
        String type = name.group("type");
        String module = name.group("module");
        String packageName = name.group("package");
        String member = name.group("member");
        List<Type> declared = CODE.types(type).stream()
                .filter(t -> module == null || REPOSITORY.relative(t.file()).startsWith(module + "/"))
                .filter(t -> packageName == null || t.packageName().equals(packageName) || t.packageName().endsWith("." + packageName))
                .toList();
        if (declared.isEmpty()) {
            // A library type the code imports exists, but its members are not in this repository to check.
            boolean libraryType = module == null && packageName == null && CODE.isImported(type);
            return libraryType ? Optional.empty() : Optional.of("no such class in the code");
        }
        if (member != null && declared.stream().noneMatch(t -> declares(t, member, name.group("abbreviated") != null))) {
            return Optional.of("no member " + member + " in " + type);
        }
        return Optional.empty();
    }

    /** {@code abbreviated}: the docs shortened a long test name with an ellipsis, so the start must match. */
    private static boolean declares(Type type, String member, boolean abbreviated) {
        return abbreviated ? type.members().stream().anyMatch(m -> m.startsWith(member)) : type.members().contains(member);
    }

    // Configuration keys

    private static Set<String> keysInApplicationProperties() {
        Set<String> keys = new HashSet<>();
        for (Path file : REPOSITORY.applicationProperties()) {
            for (String line : Repository.lines(file)) {
                String setting = line.strip();
                int equals = setting.indexOf('=');
                if (setting.isEmpty() || setting.startsWith("#") || equals < 0) {
                    continue;
                }
                // %test.touchpoint.local-stack sets touchpoint.local-stack in the test profile; quotes group a name.
                keys.add(setting.substring(0, equals).strip().replaceFirst("^%[^.]+\\.", "").replace("\"", ""));
                CodeIndex.keysReferencedIn(setting.substring(equals + 1), keys);
            }
        }
        return keys;
    }

    /** Set or read as is, or a group of keys that are ({@code touchpoint.trail} holds {@code touchpoint.trail.lag}). */
    private static boolean isKnownKey(String key, Set<String> known) {
        return known.contains(key) || known.stream().anyMatch(k -> k.startsWith(key + "."));
    }

    // Endpoints

    /**
     * Calls on one line as {method or null, path}: {@code POST /api/cards}, a curl command's URL (its method
     * when {@code -X} names one), and a bare {@code /api/...} in backticks (any method).
     */
    private static List<String[]> callsOn(Line line) {
        List<String[]> calls = new ArrayList<>();
        Matcher written = METHOD_AND_PATH.matcher(line.text());
        while (written.find()) {
            calls.add(new String[] {written.group(1), written.group(2)});
        }
        if (line.text().contains("curl ")) {
            Matcher url = CURL_URL.matcher(line.text());
            Matcher method = CURL_METHOD.matcher(line.text());
            String curlMethod = method.find() ? method.group(1) : null;
            while (url.find()) {
                calls.add(new String[] {curlMethod, url.group(1)});
            }
        }
        if (!line.inCodeBlock()) {
            for (String span : Markdown.codeSpans(line.text())) {
                if (span.startsWith("/api/") && !span.contains(" ")) {
                    calls.add(new String[] {null, span});
                }
            }
        }
        return calls;
    }

    /** {@code /api/trail/trees/{tree}/checkpoint[?size=n]} → {@code /api/trail/trees/{tree}/checkpoint}. */
    private static String pathTemplate(String written) {
        String path = written.replaceAll("\\[[^\\]]*]", "");
        int query = path.indexOf('?');
        path = (query < 0 ? path : path.substring(0, query)).replaceAll("[.,;:)\\]]+$", "");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean isServed(String method, String written) {
        Matcher under = UNDER_A_PATH.matcher(written);
        if (under.matches()) {
            return CODE.endpoints.stream().anyMatch(e -> e.path().startsWith(under.group("prefix")));
        }
        String path = pathTemplate(written);
        return CODE.endpoints.stream().anyMatch(e -> (method == null || e.method().equals(method)) && sameTemplate(e.path(), path));
    }

    /** Segment by segment; a parameter on either side ({@code {id}}, a shell's {@code $CONSENT}) matches any one segment. */
    private static boolean sameTemplate(String served, String written) {
        String[] a = served.split("/");
        String[] b = written.split("/");
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i]) && !isParameter(a[i]) && !isParameter(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") || segment.startsWith("$");
    }

    // Reporting

    private static String where(Markdown doc, Line line) {
        return REPOSITORY.relative(doc.file) + ":" + line.number() + ": ";
    }

    private static void assertNoneBroken(String what, List<String> broken) {
        if (!broken.isEmpty()) {
            fail("Broken " + what + " (" + broken.size() + "); fix the docs, or the code they describe:\n  "
                    + String.join("\n  ", broken));
        }
    }
}
