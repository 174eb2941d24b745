package io.touchpoint.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys in the signed-note encodings (golang.org/x/mod/sumdb/note, used by C2SP checkpoints and
 * witnesses): a verifier key is {@code name+hash+base64(0x01 || public key)}, a signer key
 * {@code PRIVATE+KEY+name+hash+base64(0x01 || seed)}, where hash is the first four bytes of
 * {@code SHA-256(name || "\n" || 0x01 || public key)} in hex. Same text, same key in every implementation.
 */
public final class NoteKeys {

    static final byte ED25519 = 0x01;
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private NoteKeys() {
    }

    /** Signs notes under a name. */
    public record Signer(String name, int keyHash, PrivateKey key, Verifier verifier) {

        public byte[] sign(byte[] message) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key);
                signature.update(message);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signing failed", e);
            }
        }

        /** The signer key text; a secret. */
        public String encoded(byte[] seed) {
            return "PRIVATE+KEY+" + name + "+" + hex(keyHash) + "+" + Base64.getEncoder().encodeToString(prefixed(seed));
        }
    }

    /** Checks signatures by one named key. */
    public record Verifier(String name, int keyHash, byte[] publicKey) {

        public boolean verify(byte[] message, byte[] signatureBytes) {
            if (signatureBytes == null || signatureBytes.length != 64) {
                return false;
            }
            try {
                PublicKey key = KeyFactory.getInstance("Ed25519")
                        .generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, publicKey)));
                Signature signature = Signature.getInstance("Ed25519");
                signature.initVerify(key);
                signature.update(message);
                return signature.verify(signatureBytes);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        /** The verifier key text, safe to publish. */
        public String encoded() {
            return name + "+" + hex(keyHash) + "+" + Base64.getEncoder().encodeToString(prefixed(publicKey));
        }
    }

    public static Verifier verifier(String encoded) {
        String[] parts = split(encoded, 3);
        byte[] key = decodeKey(parts[2]);
        Verifier verifier = new Verifier(checkName(parts[0]), keyHash(parts[0], key), key);
        if (!hex(verifier.keyHash()).equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's hash does not match its name and key");
        }
        return verifier;
    }

    public static Signer signer(String encoded) {
        if (encoded == null || !encoded.startsWith("PRIVATE+KEY+")) {
            throw new IllegalArgumentException("a signer key starts with PRIVATE+KEY+");
        }
        String[] parts = split(encoded.substring("PRIVATE+KEY+".length()), 3);
        Signer signer = fromSeed(checkName(parts[0]), decodeKey(parts[2]));
        if (!hex(signer.keyHash()).equals(parts[1])) {
            throw new IllegalArgumentException("the signer key's hash does not match its name and key");
        }
        return signer;
    }

    /** A new random key; returns the signer key text (a secret) — print it once, store it as a secret. */
    public static String generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return fromSeed(checkName(name), seed).encoded(seed);
    }

    static Signer fromSeed(String name, byte[] seed) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
            // The JDK derives the public key only while generating; a generator fed this seed derives exactly it.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] encodedPublic = pair.getPublic().getEncoded();
            byte[] publicKey = Arrays.copyOfRange(encodedPublic, encodedPublic.length - 32, encodedPublic.length);
            int hash = keyHash(name, publicKey);
            return new Signer(name, hash, privateKey, new Verifier(name, hash, publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
    }

    static int keyHash(String name, byte[] publicKey) {
        return keyHash(name, ED25519, publicKey);
    }

    /** {@code SHA-256(name || "\n" || algorithm || public key)[:4]}: the key id of signed notes, per signature type. */
    static int keyHash(String name, byte algorithm, byte[] publicKey) {
        byte[] digest = TreeHash.sha256(concat((name + "\n").getBytes(StandardCharsets.UTF_8), concat(new byte[] {algorithm}, publicKey)));
        return ByteBuffer.wrap(digest, 0, 4).getInt();
    }

    static String[] split(String encoded, int count) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\+", count);
        if (parts.length != count) {
            throw new IllegalArgumentException("a note key is name+hash+key");
        }
        return parts;
    }

    private static byte[] decodeKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64");
        }
        if (bytes.length != 33 || bytes[0] != ED25519) {
            throw new IllegalArgumentException("only Ed25519 keys (algorithm 1, 32 bytes) are supported");
        }
        return Arrays.copyOfRange(bytes, 1, 33);
    }

    static String checkName(String name) {
        if (name == null || name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
        }
        return name;
    }

    private static byte[] prefixed(byte[] key) {
        return concat(new byte[] {ED25519}, key);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String hex(int keyHash) {
        return String.format("%08x", keyHash);
    }

    /** Hands the generator the seed as its "randomness". */
    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        private FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
