package io.touchpoint.testsupport.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The repository this build runs in, read as files: its Markdown, its Java sources, its settings. */
final class Repository {

    /** Build output, local state and tool folders: never part of what the repository says. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", ".touchpoint", ".mvn", ".idea", "node_modules");

    final Path root;

    private Repository(Path root) {
        this.root = root;
    }

    /** Surefire runs each module's tests in that module's folder; the repository is the first parent with docs/. */
    static Repository here() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return new Repository(dir);
            }
        }
        throw new IllegalStateException("no repository root (a folder with docs/ and mvnw) above " + Path.of("").toAbsolutePath());
    }

    List<Path> markdown() {
        return files(p -> p.toString().endsWith(".md"));
    }

    List<Path> javaSources() {
        return files(p -> p.toString().endsWith(".java") && root.relativize(p).toString().contains("/src/"));
    }

    List<Path> applicationProperties() {
        return files(p -> p.getFileName().toString().matches("application.*\\.properties")
                && root.relativize(p).toString().contains("/src/main/resources/"));
    }

    /** What builds and runs the system and may name a document: the POMs, the run command, CI, the code. */
    List<Path> buildAndCode() {
        return files(p -> {
            String relative = root.relativize(p).toString();
            return relative.equals("touchpoint") || relative.equals(".ci/run") || p.getFileName().toString().equals("pom.xml")
                    || (relative.contains("/src/") && relative.matches(".*\\.(java|properties|yaml|html|sql)"));
        });
    }

    String relative(Path file) {
        return root.relativize(file).toString();
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> files(Predicate<Path> wanted) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !skipped(p)).filter(Files::isRegularFile).filter(wanted).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean skipped(Path file) {
        for (Path part : root.relativize(file)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
