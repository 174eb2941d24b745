package io.touchpoint.merkle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties over every tree shape up to 70 leaves and seeded random larger trees: the stored-node
 * implementation agrees with the naive RFC recursion, every honest proof verifies, and every tampering
 * (a changed leaf, reordered leaves, a truncated tree, a flipped proof byte, a proof for the wrong size)
 * fails. Seeded, so a failure reproduces.
 */
class MerklePropertiesTest {

    private static final int MAX = 70;
    private final Random random = new Random(20261123L);

    private List<byte[]> leaves(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            byte[] data = new byte[1 + random.nextInt(40)];
            random.nextBytes(data);
            return TreeHash.leaf(data);
        }).toList();
    }

    @Test
    void storedNodeProofsEqualTheNaiveRfcProofsAndVerifyForEveryLeafAndSize() {
        List<byte[]> leaves = leaves(MAX);
        MemoryStore tree = MemoryStore.of(leaves);
        for (int size = 1; size <= MAX; size++) {
            byte[] root = NaiveTree.mth(leaves.subList(0, size));
            assertThat(Proofs.root(size, tree.store())).isEqualTo(root);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = Proofs.inclusion(index, size, tree.store());
                assertThat(proof).as("leaf %d of %d", index, size).containsExactlyElementsOf(NaiveTree.path(index, leaves.subList(0, size)));
                assertThat(ProofVerifier.inclusion(leaves.get(index), index, size, proof, root)).isTrue();
            }
        }
    }

    @Test
    void consistencyProofsEqualTheNaiveOnesAndVerifyForEveryPairOfSizes() {
        List<byte[]> leaves = leaves(MAX);
        MemoryStore tree = MemoryStore.of(leaves);
        for (int to = 1; to <= MAX; to++) {
            byte[] toRoot = NaiveTree.mth(leaves.subList(0, to));
            for (int from = 0; from <= to; from++) {
                List<byte[]> proof = Proofs.consistency(from, to, tree.store());
                assertThat(proof).as("%d -> %d", from, to).containsExactlyElementsOf(NaiveTree.proof(from, leaves.subList(0, to)));
                assertThat(ProofVerifier.consistency(from, to, NaiveTree.mth(leaves.subList(0, from)), toRoot, proof))
                        .as("%d -> %d", from, to).isTrue();
            }
        }
    }

    @Test
    void aTamperedLeafFailsItsInclusionProofAndChangesTheRoot() {
        List<byte[]> leaves = leaves(MAX);
        MemoryStore tree = MemoryStore.of(leaves);
        for (int size = 1; size <= MAX; size++) {
            byte[] root = Proofs.root(size, tree.store());
            int index = random.nextInt(size);
            byte[] tampered = leaves.get(index).clone();
            tampered[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
            List<byte[]> proof = Proofs.inclusion(index, size, tree.store());
            assertThat(ProofVerifier.inclusion(tampered, index, size, proof, root)).isFalse();

            List<byte[]> altered = new ArrayList<>(leaves.subList(0, size));
            altered.set(index, tampered);
            assertThat(NaiveTree.mth(altered)).isNotEqualTo(root);
        }
    }

    @Test
    void reorderedLeavesGiveAnotherRootAndNoProofOfTheOldOrderVerifiesAgainstIt() {
        for (int size = 2; size <= MAX; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = NaiveTree.mth(leaves);
            List<byte[]> swapped = new ArrayList<>(leaves);
            int a = random.nextInt(size);
            int b = (a + 1 + random.nextInt(size - 1)) % size;
            Collections.swap(swapped, a, b);
            byte[] swappedRoot = NaiveTree.mth(swapped);
            assertThat(swappedRoot).as("size %d, swap %d and %d", size, a, b).isNotEqualTo(root);
            MemoryStore tree = MemoryStore.of(leaves);
            assertThat(ProofVerifier.inclusion(leaves.get(a), a, size, Proofs.inclusion(a, size, tree.store()), swappedRoot)).isFalse();
            // The leaf at its new position does not verify with the honest path either.
            assertThat(ProofVerifier.inclusion(leaves.get(a), b, size, Proofs.inclusion(b, size, tree.store()), root)).isFalse();
        }
    }

    @Test
    void aTruncatedOrRewrittenTreeIsNotConsistentWithAnEarlierCheckpoint() {
        List<byte[]> leaves = leaves(MAX);
        MemoryStore honest = MemoryStore.of(leaves);
        for (int trial = 0; trial < 300; trial++) {
            int from = 1 + random.nextInt(MAX - 1);
            int to = from + 1 + random.nextInt(MAX - from);
            byte[] fromRoot = Proofs.root(from, honest.store());

            // Truncated: the history shrank below what a witness already saw.
            int shorter = random.nextInt(from);
            assertThat(ProofVerifier.consistency(from, shorter, fromRoot, Proofs.root(shorter, honest.store()),
                    Proofs.consistency(shorter, from, honest.store()))).isFalse();

            // Rewritten: one leaf before the earlier size changed, then the log grew.
            List<byte[]> rewritten = new ArrayList<>(leaves.subList(0, to));
            int victim = random.nextInt(from);
            byte[] changed = rewritten.get(victim).clone();
            changed[0] ^= 1;
            rewritten.set(victim, changed);
            MemoryStore forged = MemoryStore.of(rewritten);
            assertThat(ProofVerifier.consistency(from, to, fromRoot, forged.root(), Proofs.consistency(from, to, forged.store())))
                    .as("%d -> %d, leaf %d rewritten", from, to, victim).isFalse();
            // ... while the honest growth is consistent.
            assertThat(ProofVerifier.consistency(from, to, fromRoot, Proofs.root(to, honest.store()),
                    Proofs.consistency(from, to, honest.store()))).isTrue();
        }
    }

    @Test
    void mangledProofsAreRefused() {
        List<byte[]> leaves = leaves(MAX);
        MemoryStore tree = MemoryStore.of(leaves);
        for (int size = 2; size <= MAX; size++) {
            byte[] root = Proofs.root(size, tree.store());
            int index = random.nextInt(size);
            List<byte[]> proof = Proofs.inclusion(index, size, tree.store());
            List<byte[]> flipped = new ArrayList<>(proof);
            int at = random.nextInt(proof.size());
            byte[] bad = flipped.get(at).clone();
            bad[random.nextInt(32)] ^= 0x40;
            flipped.set(at, bad);
            assertThat(ProofVerifier.inclusion(leaves.get(index), index, size, flipped, root)).isFalse();
            assertThat(ProofVerifier.inclusion(leaves.get(index), index, size, proof.subList(0, proof.size() - 1), root)).isFalse();
            List<byte[]> extended = new ArrayList<>(proof);
            extended.add(new byte[32]);
            assertThat(ProofVerifier.inclusion(leaves.get(index), index, size, extended, root)).isFalse();
            assertThat(ProofVerifier.inclusion(leaves.get(index), size, size, proof, root)).isFalse();
            assertThat(ProofVerifier.inclusion(new byte[31], index, size, proof, root)).isFalse();
        }
    }

    @Test
    void largeRandomTreesAgreeWithTheNaiveReference() {
        for (int trial = 0; trial < 5; trial++) {
            int size = 1000 + random.nextInt(5000);
            List<byte[]> leaves = leaves(size);
            MemoryStore tree = MemoryStore.of(leaves);
            byte[] root = NaiveTree.mth(leaves);
            assertThat(tree.root()).isEqualTo(root);
            for (int probe = 0; probe < 50; probe++) {
                int index = random.nextInt(size);
                assertThat(ProofVerifier.inclusion(leaves.get(index), index, size, Proofs.inclusion(index, size, tree.store()), root)).isTrue();
                int from = 1 + random.nextInt(size);
                assertThat(ProofVerifier.consistency(from, size, NaiveTree.mth(leaves.subList(0, from)), root,
                        Proofs.consistency(from, size, tree.store()))).isTrue();
            }
        }
    }
}
