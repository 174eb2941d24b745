package io.touchpoint.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The signed-note format (C2SP signed-note): the text, a blank line, then one line per signature,
 * {@code — name base64(key hash || signature)}. The signature covers the text's UTF-8 bytes, final newline
 * included. Verification looks for the one key the caller trusts and ignores other signers (e.g. witnesses).
 */
public final class SignedNote {

    private static final String DASH = "\u2014 ";

    private SignedNote() {
    }

    public static String sign(String text, NoteKeys.Signer signer) {
        requireText(text);
        byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] tagged = ByteBuffer.allocate(4 + signature.length).putInt(signer.keyHash()).put(signature).array();
        return text + "\n" + DASH + signer.name() + " " + Base64.getEncoder().encodeToString(tagged) + "\n";
    }

    /** Returns the note's text if it carries a valid signature by {@code verifier}; otherwise throws. */
    public static String open(String note, NoteKeys.Verifier verifier) {
        if (note == null) {
            throw new InvalidNote("no note");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n") || split + 2 >= note.length()) {
            throw new InvalidNote("not a signed note: no signature lines after a blank line");
        }
        String text = note.substring(0, split + 1);
        requireText(text);
        boolean signedByKey = false;
        for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
            if (!line.startsWith(DASH)) {
                throw new InvalidNote("malformed signature line");
            }
            String[] parts = line.substring(DASH.length()).split(" ", -1);
            if (parts.length != 2) {
                throw new InvalidNote("malformed signature line");
            }
            byte[] tagged;
            try {
                tagged = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new InvalidNote("a signature is not base64");
            }
            if (tagged.length < 5) {
                throw new InvalidNote("a signature is too short");
            }
            int keyHash = ByteBuffer.wrap(tagged, 0, 4).getInt();
            if (!parts[0].equals(verifier.name()) || keyHash != verifier.keyHash()) {
                continue; // someone else's signature, e.g. a witness cosignature
            }
            byte[] signature = new byte[tagged.length - 4];
            System.arraycopy(tagged, 4, signature, 0, signature.length);
            if (!verifier.verify(text.getBytes(StandardCharsets.UTF_8), signature)) {
                throw new InvalidNote("the signature by " + verifier.name() + " does not verify: the note was altered or signed by another key");
            }
            signedByKey = true;
        }
        if (!signedByKey) {
            throw new InvalidNote("the note is not signed by " + verifier.name() + "+" + NoteKeys.hex(verifier.keyHash()));
        }
        return text;
    }

    /** A note split into its text and its signature lines (each without its newline); nothing is verified. */
    public record Parts(String text, List<String> signatures) {
    }

    public static Parts parts(String note) {
        if (note == null) {
            throw new InvalidNote("no note");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n") || split + 2 >= note.length()) {
            throw new InvalidNote("not a signed note: no signature lines after a blank line");
        }
        String text = note.substring(0, split + 1);
        requireText(text);
        List<String> lines = List.of(note.substring(split + 2, note.length() - 1).split("\n", -1));
        if (!lines.stream().allMatch(line -> line.startsWith(DASH))) {
            throw new InvalidNote("malformed signature line");
        }
        return new Parts(text, lines);
    }

    /**
     * The note with more signature lines (e.g. witness cosignatures) after its own, each once. The text and the
     * existing signatures are unchanged, so every signature still verifies.
     */
    public static String withSignatures(String note, Collection<String> lines) {
        Parts parts = parts(note);
        StringBuilder out = new StringBuilder(note);
        Set<String> present = new HashSet<>(parts.signatures());
        for (String line : lines) {
            String clean = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            if (!clean.startsWith(DASH) || clean.contains("\n")) {
                throw new InvalidNote("malformed signature line");
            }
            if (present.add(clean)) {
                out.append(clean).append('\n');
            }
        }
        return out.toString();
    }

    private static void requireText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")
                || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new InvalidNote("a note's text is non-empty lines of printable characters, each ending in a newline");
        }
    }

    public static final class InvalidNote extends RuntimeException {
        public InvalidNote(String message) {
            super(message);
        }
    }
}
