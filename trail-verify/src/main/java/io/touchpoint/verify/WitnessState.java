package io.touchpoint.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a witness remembers about one service's trail, in one text file it alone writes ({@code trail.state} in its
 * state directory): every tree it has seen with the last size and root it accepted, whether the month was closed
 * (and its leaf in the epochs tree), and every (tree, size, root) it has ever accepted, so that a second root at a
 * size it saw is caught even after the tree moved on. One line per fact, so an operator can read it.
 *
 * <pre>
 * tree 2026-11 1200 3Wi76oUq...= open
 * tree 2026-10 5310 X4M/Chozy...= closed 3
 * seen 2026-11 1000 q6Yx0mQk...=
 * </pre>
 */
final class WitnessState {

    record Tree(String tree, long size, String root, boolean closed, long epochsLeaf) {
    }

    private final Path file;
    private final Map<String, Tree> trees = new TreeMap<>();
    /** tree -> size -> root. */
    private final Map<String, Map<Long, String>> seen = new TreeMap<>();

    private WitnessState(Path file) {
        this.file = file;
    }

    static WitnessState load(Path directory) throws IOException {
        WitnessState state = new WitnessState(directory.resolve("trail.state"));
        if (!Files.exists(state.file)) {
            return state;
        }
        for (String line : Files.readAllLines(state.file, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ");
            if (parts.length >= 5 && parts[0].equals("tree")) {
                boolean closed = parts[4].equals("closed");
                state.trees.put(parts[1], new Tree(parts[1], Long.parseLong(parts[2]), parts[3], closed,
                        closed && parts.length > 5 ? Long.parseLong(parts[5]) : -1));
            } else if (parts.length == 4 && parts[0].equals("seen")) {
                state.seen.computeIfAbsent(parts[1], t -> new TreeMap<>()).put(Long.parseLong(parts[2]), parts[3]);
            } else if (!line.isBlank()) {
                throw new IOException("the witness state " + state.file + " is damaged at: " + line);
            }
        }
        return state;
    }

    Map<String, Tree> trees() {
        return trees;
    }

    Optional<Tree> tree(String tree) {
        return Optional.ofNullable(trees.get(tree));
    }

    /** The root accepted earlier at exactly this size, if any. */
    Optional<String> seenRoot(String tree, long size) {
        return Optional.ofNullable(seen.getOrDefault(tree, Map.of()).get(size));
    }

    void accepted(Tree tree) {
        trees.put(tree.tree(), tree);
        seen.computeIfAbsent(tree.tree(), t -> new TreeMap<>()).put(tree.size(), tree.root());
    }

    void save() throws IOException {
        List<String> lines = new ArrayList<>();
        trees.values().forEach(t -> lines.add("tree " + t.tree() + " " + t.size() + " " + t.root() + " "
                + (t.closed() ? "closed " + t.epochsLeaf() : "open")));
        seen.forEach((tree, sizes) -> sizes.forEach((size, root) -> lines.add("seen " + tree + " " + size + " " + root)));
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "trail", ".tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
