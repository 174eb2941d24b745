package io.touchpoint.merkle;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published Certificate Transparency vectors (RFC 6962 reference leaves; the same numbers appear in every
 * compatible implementation's tests). A tree no other implementation agrees with proves nothing to anyone.
 */
class Rfc6962VectorsTest {

    static final List<byte[]> LEAVES = Stream.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                    "606162636465666768696a6b6c6d6e6f")
            .map(HexFormat.of()::parseHex).map(TreeHash::leaf).toList();

    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsOfEverySizeMatchTheReferenceWhetherAppendedOrRebuiltFromStoredNodes() {
        MemoryStore tree = new MemoryStore();
        assertThat(TreeHash.hex(tree.root())).isEqualTo(ROOTS.getFirst());
        for (int size = 1; size <= LEAVES.size(); size++) {
            tree.append(LEAVES.get(size - 1));
            assertThat(TreeHash.hex(tree.root())).as("appended, size %d", size).isEqualTo(ROOTS.get(size));
            assertThat(TreeHash.hex(NaiveTree.mth(LEAVES.subList(0, size)))).as("naive, size %d", size).isEqualTo(ROOTS.get(size));
        }
        for (int size = 0; size <= LEAVES.size(); size++) {
            assertThat(TreeHash.hex(Proofs.root(size, tree.store()))).as("historical root, size %d", size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void inclusionProofsMatchTheReferenceAndVerify() {
        MemoryStore tree = MemoryStore.of(LEAVES);
        assertInclusion(tree, 0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(tree, 5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void consistencyProofsMatchTheReferenceAndVerify() {
        MemoryStore tree = MemoryStore.of(LEAVES);
        assertConsistency(tree, 2, 8, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(tree, 6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void degenerateConsistencyCasesFollowTheRfc() {
        byte[] root4 = hex(ROOTS.get(4));
        byte[] root5 = hex(ROOTS.get(5));
        assertThat(ProofVerifier.consistency(4, 4, root4, root4, List.of())).isTrue();
        assertThat(ProofVerifier.consistency(4, 4, root4, root5, List.of())).isFalse();
        assertThat(ProofVerifier.consistency(4, 4, root4, root4, List.of(new byte[32]))).isFalse();
        assertThat(ProofVerifier.consistency(0, 8, TreeHash.EMPTY_ROOT, hex(ROOTS.get(8)), List.of())).isTrue();
        assertThat(ProofVerifier.consistency(0, 8, root4, hex(ROOTS.get(8)), List.of())).isFalse();
        assertThat(ProofVerifier.consistency(8, 6, hex(ROOTS.get(8)), hex(ROOTS.get(6)), List.of())).isFalse();
        assertThat(ProofVerifier.consistency(6, 8, hex(ROOTS.get(6)), hex(ROOTS.get(8)), List.of())).isFalse();
    }

    private static void assertInclusion(MemoryStore tree, int index, int size, String... expected) {
        List<byte[]> proof = Proofs.inclusion(index, size, tree.store());
        assertThat(proof.stream().map(TreeHash::hex)).containsExactly(expected);
        assertThat(ProofVerifier.inclusion(LEAVES.get(index), index, size, proof, hex(ROOTS.get(size)))).isTrue();
    }

    private static void assertConsistency(MemoryStore tree, int from, int to, String... expected) {
        List<byte[]> proof = Proofs.consistency(from, to, tree.store());
        assertThat(proof.stream().map(TreeHash::hex)).containsExactly(expected);
        assertThat(ProofVerifier.consistency(from, to, hex(ROOTS.get(from)), hex(ROOTS.get(to)), proof)).isTrue();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
