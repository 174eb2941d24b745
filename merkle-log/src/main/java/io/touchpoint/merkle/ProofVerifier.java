package io.touchpoint.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 describe, trusting
 * nothing but the hashes it is given. Malformed input (wrong lengths, impossible sizes) is a failed proof.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    public static boolean inclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (!wellFormed(leafHash) || !wellFormed(root) || proof == null || !proof.stream().allMatch(ProofVerifier::wellFormed)
                || index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = TreeHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    public static boolean consistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (!wellFormed(fromRoot) || !wellFormed(toRoot) || proof == null || !proof.stream().allMatch(ProofVerifier::wellFormed)
                || from < 0 || from > to) {
            return false;
        }
        if (from == to) {
            return proof.isEmpty() && Arrays.equals(fromRoot, toRoot);
        }
        if (from == 0) {
            return proof.isEmpty() && Arrays.equals(fromRoot, TreeHash.EMPTY_ROOT);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(from) == 1) {
            path.addFirst(fromRoot);
        }
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHash.node(c, fr);
                sr = TreeHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = TreeHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, fromRoot) && Arrays.equals(sr, toRoot);
    }

    private static boolean wellFormed(byte[] hash) {
        return hash != null && hash.length == TreeHash.SIZE;
    }
}
