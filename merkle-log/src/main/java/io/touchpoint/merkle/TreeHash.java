package io.touchpoint.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * RFC 9162 (Certificate Transparency 2.0) §2.1.1 hashing with SHA-256: a leaf is {@code H(0x00 || data)}, an
 * interior node {@code H(0x01 || left || right)}. The distinct prefixes stop a leaf from posing as a node.
 */
public final class TreeHash {

    public static final int SIZE = 32;
    /** The root of the empty tree: SHA-256 of nothing. */
    public static final byte[] EMPTY_ROOT = sha256(new byte[0]);

    private TreeHash() {
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(data);
    }

    public static byte[] node(byte[] left, byte[] right) {
        requireHash(left);
        requireHash(right);
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    static void requireHash(byte[] hash) {
        if (hash == null || hash.length != SIZE) {
            throw new IllegalArgumentException("a tree hash is " + SIZE + " bytes");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
