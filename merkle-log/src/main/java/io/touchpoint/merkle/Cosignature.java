package io.touchpoint.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * C2SP tlog-cosignature, Ed25519 ({@code cosignature/v1}): a witness's statement that, as of a time, the checkpoint
 * is the largest consistent tree head it has seen for the log. A cosignature is a signed-note signature line
 * {@code — <witness name> base64(key id || u64 timestamp || Ed25519 signature)} whose signature covers
 * {@code "cosignature/v1\ntime <seconds>\n" || checkpoint body}; the key id is
 * {@code SHA-256(name || "\n" || 0x04 || public key)[:4]}, so a cosigner key can never pass for a log key.
 */
public final class Cosignature {

    /** The signature type of Ed25519 cosignature/v1 keys in signed-note key ids and vkeys. */
    public static final byte ALGORITHM = 0x04;
    private static final String DASH = "\u2014 ";
    private static final int ENCODED_LENGTH = 4 + 8 + 64;

    private Cosignature() {
    }

    /** The message a cosigner signs: the header, the time line, then the whole checkpoint body. */
    public static byte[] message(String checkpointBody, long unixSeconds) {
        if (unixSeconds < 0) {
            throw new IllegalArgumentException("a cosignature's time is a POSIX timestamp, not negative");
        }
        return ("cosignature/v1\ntime " + unixSeconds + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
    }

    /** A signature line as written: the witness name and its decoded parts. */
    public record Line(String name, int keyId, long time, byte[] signature) {

        public String text() {
            byte[] encoded = ByteBuffer.allocate(ENCODED_LENGTH).putInt(keyId).putLong(time).put(signature).array();
            return DASH + name + " " + Base64.getEncoder().encodeToString(encoded);
        }
    }

    /**
     * Parses one signature line ({@code — name base64}, without or with its newline). Empty when the line is a
     * well-formed note signature but not of the cosignature/v1 shape (e.g. the log's own signature).
     */
    public static Optional<Line> parse(String line) {
        String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        if (!text.startsWith(DASH)) {
            throw new IllegalArgumentException("a signature line starts with an em dash and a space");
        }
        String[] parts = text.substring(DASH.length()).split(" ", -1);
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("a signature line is '— <name> <base64>'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signature is not base64");
        }
        if (bytes.length != ENCODED_LENGTH) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int keyId = buffer.getInt();
        long time = buffer.getLong();
        if (time < 0) {
            throw new IllegalArgumentException("a cosignature's time exceeds 2^63 - 1");
        }
        byte[] signature = Arrays.copyOfRange(bytes, 12, ENCODED_LENGTH);
        return Optional.of(new Line(parts[0], keyId, time, signature));
    }

    /** A witness's public key, as clients are configured with it. */
    public record Verifier(String name, int keyId, byte[] publicKey) {

        /** The vkey text {@code name+keyid+base64(0x04 || public key)}. */
        public String encoded() {
            return name + "+" + NoteKeys.hex(keyId) + "+" + Base64.getEncoder().encodeToString(NoteKeys.concat(new byte[] {ALGORITHM}, publicKey));
        }

        /** True when the line is this witness's valid cosignature of {@code checkpointBody}. */
        public boolean verifies(Line line, String checkpointBody) {
            return line.name().equals(name) && line.keyId() == keyId
                    && new NoteKeys.Verifier(name, keyId, publicKey).verify(message(checkpointBody, line.time()), line.signature());
        }

        /** The time of this witness's valid cosignature among a note's signature lines, if there is one. */
        public Optional<Long> cosigned(String checkpointBody, Collection<String> signatureLines) {
            for (String text : signatureLines) {
                Optional<Line> line = parseQuietly(text);
                if (line.isPresent() && verifies(line.get(), checkpointBody)) {
                    return Optional.of(line.get().time());
                }
            }
            return Optional.empty();
        }
    }

    /** Signs cosignatures with an Ed25519 note signer key. */
    public record Signer(NoteKeys.Signer key, Verifier verifier) {

        /** The signature line (without newline) cosigning {@code checkpointBody} at {@code unixSeconds}. */
        public String cosign(String checkpointBody, long unixSeconds) {
            byte[] signature = key.sign(message(checkpointBody, unixSeconds));
            return new Line(verifier.name(), verifier.keyId(), unixSeconds, signature).text();
        }
    }

    /**
     * A cosigner from a signer key {@code PRIVATE+KEY+name+hash+base64(0x01 || seed)} (what {@link NoteKeys#generate}
     * makes): the same Ed25519 seed, used under the cosignature/v1 key id.
     */
    public static Signer signer(String signerKey) {
        NoteKeys.Signer key = NoteKeys.signer(signerKey);
        byte[] publicKey = key.verifier().publicKey();
        return new Signer(key, new Verifier(key.name(), NoteKeys.keyHash(key.name(), ALGORITHM, publicKey), publicKey));
    }

    /**
     * A witness key from its vkey: {@code name+keyid+base64(0x04 || key)}, or a plain Ed25519 note vkey
     * ({@code 0x01}), whose key is then used under the cosignature/v1 key id.
     */
    public static Verifier verifier(String vkey) {
        String[] parts = NoteKeys.split(vkey == null ? null : vkey.strip(), 3);
        String name = NoteKeys.checkName(parts[0]);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64");
        }
        if (bytes.length != 33 || (bytes[0] != ALGORITHM && bytes[0] != NoteKeys.ED25519)) {
            throw new IllegalArgumentException("a witness key is an Ed25519 cosignature/v1 key (type 4) or note key (type 1)");
        }
        byte[] publicKey = Arrays.copyOfRange(bytes, 1, 33);
        if (!NoteKeys.hex(NoteKeys.keyHash(name, bytes[0], publicKey)).equals(parts[1])) {
            throw new IllegalArgumentException("the witness key's hash does not match its name and key");
        }
        return new Verifier(name, NoteKeys.keyHash(name, ALGORITHM, publicKey), publicKey);
    }

    /** The distinct witnesses among {@code trusted} that validly cosigned the note's checkpoint body. */
    public static List<Verifier> witnesses(String note, Collection<Verifier> trusted) {
        SignedNote.Parts parts = SignedNote.parts(note);
        List<Verifier> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Verifier witness : trusted) {
            if (seen.add(witness.encoded()) && witness.cosigned(parts.text(), parts.signatures()).isPresent()) {
                found.add(witness);
            }
        }
        return found;
    }

    private static Optional<Line> parseQuietly(String line) {
        try {
            return parse(line);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
