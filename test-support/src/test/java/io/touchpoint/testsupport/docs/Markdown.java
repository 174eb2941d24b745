package io.touchpoint.testsupport.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Markdown file, read line by line: enough of CommonMark to find code spans, links and headings. */
final class Markdown {

    /** A line and its number (from 1), for messages that say where. */
    record Line(int number, String text, boolean inCodeBlock) {
    }

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    /** {@code [text](target)} and {@code ![alt](target)}, with an optional title. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    final Path file;
    final List<Line> lines;

    Markdown(Path file) {
        this.file = file;
        this.lines = read(Repository.lines(file));
    }

    /** Lines of prose: outside fenced code blocks, where backticks and brackets mean code spans and links. */
    List<Line> prose() {
        return lines.stream().filter(l -> !l.inCodeBlock()).toList();
    }

    static List<String> codeSpans(String line) {
        List<String> spans = new ArrayList<>();
        Matcher m = CODE_SPAN.matcher(line);
        while (m.find()) {
            spans.add(m.group(1).strip());
        }
        return spans;
    }

    /** Link targets on a line of prose; a bracket inside a code span is code, not a link. */
    static List<String> linkTargets(String line) {
        List<String> targets = new ArrayList<>();
        Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets;
    }

    /** The anchors GitHub gives this file's headings. */
    Set<String> anchors() {
        Set<String> anchors = new HashSet<>();
        for (Line line : prose()) {
            Matcher m = HEADING.matcher(line.text());
            if (m.matches()) {
                anchors.add(anchorOf(m.group(1)));
            }
        }
        return anchors;
    }

    /** GitHub's rule: lower case, punctuation dropped (hyphens and underscores kept), each space a hyphen. */
    static String anchorOf(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }

    private static List<Line> read(List<String> texts) {
        List<Line> lines = new ArrayList<>();
        boolean inCodeBlock = false;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            boolean fence = text.strip().startsWith("```") || text.strip().startsWith("~~~");
            if (fence) {
                inCodeBlock = !inCodeBlock;
            }
            lines.add(new Line(i + 1, text, inCodeBlock || fence));
        }
        return lines;
    }
}
