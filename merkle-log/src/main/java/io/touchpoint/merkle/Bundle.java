package io.touchpoint.merkle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A range bundle ({@code touchpoint-bundle/v1}): everything needed to re-verify leaves {@code [from, to)} of a tree
 * offline with only the log's public key, streamed in one pass and never held in memory. Layout (docs/audit-trail.md):
 *
 * <pre>
 * touchpoint-bundle/v1
 * range &lt;from&gt; &lt;to&gt;
 * checkpoint &lt;byte length&gt;
 * &lt;the signed checkpoint note, witness cosignatures included&gt;
 * left &lt;n&gt;            then n base64 hashes: the peaks of [0, from), largest first
 * right &lt;n&gt;           then n base64 hashes: the perfect subtrees of [to, size), left to right
 * consistency &lt;m&gt; &lt;n&gt;  (optional) then n base64 hashes: RFC 9162 proof from size m to the checkpoint's size
 * entries
 * &lt;byte length&gt;       then the entry's canonical bytes and a newline; once per leaf, in leaf order
 * end
 * </pre>
 *
 * The left and right hashes are not trusted: folded with the leaves recomputed from the entries they must give the
 * signed root, so a single altered, missing, extra or reordered entry, or a wrong hash, fails the bundle.
 */
public final class Bundle {

    public static final String MAGIC = "touchpoint-bundle/v1";
    /** A bound on one entry's size, so that a hostile bundle cannot make the verifier allocate without limit. */
    public static final int MAX_ENTRY_BYTES = 1 << 20;

    private Bundle() {
    }

    /** The hashes a range of a tree of {@code size} needs beside its entries: which nodes to put left and right. */
    public static List<NodeId> leftNodes(long from) {
        return CompactRange.peaks(from);
    }

    public static List<NodeId> rightNodes(long to, long size) {
        return to >= size ? List.of() : Subtrees.nodes(new Subtrees.Range(to, size));
    }

    /** Writes a bundle: the header first, then each entry, then {@link #finish()}. Does not close the stream. */
    public static final class Writer {
        private final OutputStream out;
        private long written;

        public Writer(OutputStream out, long from, long to, String signedCheckpoint, List<byte[]> left, List<byte[]> right,
                      Long consistencyFrom, List<byte[]> consistency) throws IOException {
            this.out = out;
            byte[] note = signedCheckpoint.getBytes(StandardCharsets.UTF_8);
            StringBuilder header = new StringBuilder(MAGIC).append('\n');
            header.append("range ").append(from).append(' ').append(to).append('\n');
            header.append("checkpoint ").append(note.length).append('\n');
            out.write(header.toString().getBytes(StandardCharsets.UTF_8));
            out.write(note);
            hashes("left " + left.size(), left);
            hashes("right " + right.size(), right);
            if (consistencyFrom != null) {
                hashes("consistency " + consistencyFrom + " " + consistency.size(), consistency);
            }
            line("entries");
        }

        private void hashes(String head, List<byte[]> hashes) throws IOException {
            StringBuilder text = new StringBuilder(head).append('\n');
            hashes.forEach(h -> text.append(Base64.getEncoder().encodeToString(h)).append('\n'));
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        private void line(String text) throws IOException {
            out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        }

        public void entry(byte[] bytes) throws IOException {
            out.write(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write('\n');
            out.write(bytes);
            out.write('\n');
            written++;
        }

        public long written() {
            return written;
        }

        public void finish() throws IOException {
            line("end");
            out.flush();
        }
    }

    /** The bundle does not prove what it claims; the message says what failed and where. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    /** What a verified bundle proved. {@code previousChecked} is set when a held checkpoint was proven a prefix. */
    public record Verified(Checkpoint checkpoint, String signedNote, long from, long to, long entries, Long previousChecked) {
    }

    /**
     * Verifies a bundle in one pass: the checkpoint's signature by {@code log}; every leaf recomputed from its entry
     * bytes and folded with the left and right hashes into the signed root; and, if {@code previous} (a checkpoint the
     * auditor holds) is given, that it is a prefix of the bundle's tree — computed from the leaves when its size falls
     * in the range, otherwise by the bundle's consistency proof.
     */
    public static Verified verify(InputStream in, NoteKeys.Verifier log, Checkpoint previous) throws IOException, Invalid {
        Reader reader = new Reader(in);
        if (!MAGIC.equals(reader.line())) {
            throw new Invalid("not a " + MAGIC + " bundle");
        }
        long[] range = numbers(reader.line(), "range", 2);
        long from = range[0];
        long to = range[1];
        long noteLength = numbers(reader.line(), "checkpoint", 1)[0];
        if (noteLength > 64 * 1024) {
            throw new Invalid("the bundle's checkpoint claims " + noteLength + " bytes; a signed checkpoint is a few hundred");
        }
        String note = new String(reader.bytes((int) noteLength), StandardCharsets.UTF_8);
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(SignedNote.open(note, log));
        } catch (SignedNote.InvalidNote | IllegalArgumentException e) {
            throw new Invalid("the bundle's checkpoint is not signed by " + log.name() + ": " + e.getMessage());
        }
        long size = checkpoint.size();
        if (from < 0 || from > to || to > size) {
            throw new Invalid("the range [" + from + ", " + to + ") is not within the checkpoint's " + size + " leaves");
        }
        List<byte[]> left = hashes(reader, "left", leftNodes(from).size());
        List<NodeId> rightIds = rightNodes(to, size);
        List<byte[]> right = hashes(reader, "right", rightIds.size());
        String next = reader.line();
        Long consistencyFrom = null;
        List<byte[]> consistency = List.of();
        if (next.startsWith("consistency ")) {
            long[] head = numbers(next, "consistency", 2);
            consistencyFrom = head[0];
            if (head[1] > 128) {
                throw new Invalid("a consistency proof has at most 128 hashes, not " + head[1]);
            }
            consistency = hashes(reader, null, (int) head[1]);
            next = reader.line();
        }
        if (!"entries".equals(next)) {
            throw new Invalid("expected the entries, found: " + abbreviate(next));
        }

        CompactRange tree = CompactRange.of(from, left);
        byte[] previousRoot = previous != null && previous.size() == from ? tree.root() : null;
        MessageDigest sha256 = sha256();
        for (String line = reader.line(); !"end".equals(line); line = reader.line()) {
            int length = entryLength(line, tree.size());
            if (tree.size() == to) {
                throw new Invalid("the bundle holds more entries than the range [" + from + ", " + to + ")");
            }
            byte[] entry = reader.bytes(length);
            if (reader.read() != '\n') {
                throw new Invalid("entry " + tree.size() + " is not followed by a newline: its length is wrong");
            }
            sha256.update((byte) 0x00);
            tree.append(sha256.digest(entry), (id, h) -> { });
            if (previous != null && previous.size() == tree.size()) {
                previousRoot = tree.root();
            }
        }
        if (tree.size() != to) {
            throw new Invalid("the bundle holds " + (tree.size() - from) + " entries; the range [" + from + ", " + to + ") needs "
                    + (to - from) + ": entries are missing");
        }
        for (int i = 0; i < rightIds.size(); i++) {
            tree.appendSubtree(rightIds.get(i), right.get(i));
        }
        if (!Arrays.equals(tree.root(), checkpoint.root())) {
            throw new Invalid("the entries do not reproduce the signed root of " + checkpoint.origin() + " at size " + size
                    + ": an entry was altered, swapped or replaced, or a hash is wrong");
        }
        Long previousChecked = null;
        if (previous != null) {
            if (!previous.origin().equals(checkpoint.origin())) {
                throw new Invalid("the held checkpoint is of " + previous.origin() + ", the bundle of " + checkpoint.origin());
            }
            if (previousRoot != null) {
                if (!Arrays.equals(previousRoot, previous.root())) {
                    throw new Invalid("the held checkpoint at size " + previous.size() + " is not a prefix of this tree: history was rewritten");
                }
            } else if (previous.size() > size) {
                throw new Invalid("the held checkpoint has " + previous.size() + " leaves, more than the bundle's " + size
                        + ": the tree was rolled back");
            } else if (consistencyFrom == null || consistencyFrom != previous.size()) {
                throw new Invalid("the held checkpoint's size " + previous.size() + " is outside the range and the bundle has no "
                        + "consistency proof from it (download it with since=" + previous.size() + ")");
            } else if (!ProofVerifier.consistency(previous.size(), size, previous.root(), checkpoint.root(), consistency)) {
                throw new Invalid("the tree at size " + size + " does not extend the held checkpoint at size " + previous.size()
                        + ": history was rewritten");
            }
            previousChecked = previous.size();
        }
        return new Verified(checkpoint, note, from, to, to - from, previousChecked);
    }

    private static int entryLength(String line, long index) throws Invalid {
        // Digits only, no leading zero, at most 8 of them: parsed by hand, as this runs once per entry.
        boolean digits = !line.isEmpty() && line.length() <= 8 && (line.length() == 1 || line.charAt(0) != '0');
        long length = 0;
        for (int i = 0; digits && i < line.length(); i++) {
            char c = line.charAt(i);
            digits = c >= '0' && c <= '9';
            length = length * 10 + (c - '0');
        }
        if (!digits) {
            throw new Invalid("entry " + index + ": expected a byte length or 'end', found: " + abbreviate(line));
        }
        if (length > MAX_ENTRY_BYTES) {
            throw new Invalid("entry " + index + " claims " + length + " bytes, more than " + MAX_ENTRY_BYTES);
        }
        return (int) length;
    }

    private static List<byte[]> hashes(Reader reader, String name, int expected) throws IOException, Invalid {
        if (name != null) {
            long count = numbers(reader.line(), name, 1)[0];
            if (count != expected) {
                throw new Invalid("the bundle has " + count + " " + name + " hashes; its range needs " + expected);
            }
        }
        List<byte[]> hashes = new ArrayList<>(expected);
        for (int i = 0; i < expected; i++) {
            String line = reader.line();
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(line);
            } catch (IllegalArgumentException e) {
                throw new Invalid("a hash is not base64: " + abbreviate(line));
            }
            if (hash.length != TreeHash.SIZE) {
                throw new Invalid("a hash is not " + TreeHash.SIZE + " bytes");
            }
            hashes.add(hash);
        }
        return hashes;
    }

    private static long[] numbers(String line, String keyword, int count) throws Invalid {
        String[] parts = line.split(" ", -1);
        if (parts.length != count + 1 || !parts[0].equals(keyword)) {
            throw new Invalid("expected '" + keyword + "' with " + count + " number(s), found: " + abbreviate(line));
        }
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            if (!parts[i + 1].matches("0|[1-9][0-9]{0,17}")) {
                throw new Invalid("'" + keyword + "' needs decimal numbers, found: " + abbreviate(line));
            }
            values[i] = Long.parseLong(parts[i + 1]);
        }
        return values;
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Reads lines and counted bytes from one buffered stream, without per-entry allocation beyond the entry. */
    private static final class Reader {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;

        Reader(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[position++] & 0xff;
        }

        /** One line without its newline; a bundle's header lines and lengths are short. */
        String line() throws IOException, Invalid {
            StringBuilder line = new StringBuilder();
            for (int c = read(); c != '\n'; c = read()) {
                if (c < 0) {
                    throw new Invalid("the bundle ends early (no 'end' line): it was cut short");
                }
                if (line.length() > 4096) {
                    throw new Invalid("a bundle line is too long");
                }
                line.append((char) c);
            }
            return line.toString();
        }

        byte[] bytes(int length) throws IOException, Invalid {
            byte[] out = new byte[length];
            int filled = 0;
            while (filled < length) {
                if (position == limit) {
                    if (read() < 0) {
                        throw new Invalid("the bundle ends inside an entry: it was cut short");
                    }
                    position--;
                }
                int n = Math.min(length - filled, limit - position);
                System.arraycopy(buffer, position, out, filled, n);
                position += n;
                filled += n;
            }
            return out;
        }
    }

    /** Reads the whole stream in the same buffered way, touching every byte: the floor bundle verification is measured against. */
    public static long sequentialRead(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        long sum = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                sum += buffer[i];
            }
            total += n;
        }
        if (sum == Long.MIN_VALUE) {
            throw new EOFException(); // keeps the loop from being optimised away
        }
        return total;
    }
}
