package io.touchpoint.verify;

import io.touchpoint.merkle.Bundle;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.CompactRange;
import io.touchpoint.merkle.NoteKeys;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.merkle.TreeHash;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline re-verification of a month of 1,000,000 access records (touchpoint-bundle/v1), against the floor measured
 * in the same run on the same file: a plain buffered sequential read that touches every byte. Prints both and the
 * ratio; fails only if verification is more than 20 times slower than reading. Not part of the test run:
 * ./touchpoint benchmark (or -Dtest=BundleBenchmark -DexcludedGroups=none; -Dbundle.benchmark.entries=N).
 */
@Tag("benchmark")
class BundleBenchmark {

    private static final int ENTRIES = Integer.getInteger("bundle.benchmark.entries", 1_000_000);
    private static final int ROUNDS = 3;
    private static final String ORIGIN = "touchpoint.bench/access-log/2026-11";

    @TempDir
    Path dir;

    /** An access record's canonical form, about the size of a real one (docs/access-log.md). */
    private static byte[] entry(int i) {
        UUID id = new UUID(0x7d3c1b2a00004000L, 0x8000000000000000L | i);
        UUID customer = new UUID(0x1234567800004000L, 0x8000000000000000L | (i * 7919L));
        return ("{\"breakGlassJustification\":null,\"customerId\":\"" + customer + "\",\"fields\":[\"greeting\",\"tier\",\"seat\"],"
                + "\"id\":\"" + id + "\",\"outcome\":\"SERVED\",\"policyVersion\":\"2026-11-23.1\",\"purpose\":\"personalised-service\","
                + "\"receipts\":[],\"recordedAt\":\"2026-11-" + String.format("%02d", 1 + i % 28) + "T10:15:30." + String.format("%06d", i % 1_000_000)
                + "Z\",\"requestId\":\"req-" + i + "\",\"role\":\"gate-agent\",\"staffSubject\":\"staff-" + (i % 500) + "\","
                + "\"station\":\"tablet-" + (i % 40) + "\",\"touchpoint\":\"GATE/A" + (i % 30) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void verifyingAMonthOfAMillionEntriesAgainstASequentialReadOfTheSameBundle() throws Exception {
        NoteKeys.Signer signer = NoteKeys.signer(NoteKeys.generate("touchpoint.bench/access-log"));
        long heldSize = ENTRIES * 6L / 10;
        // First pass: the root (and a checkpoint an auditor held at 60%), as the service would have signed them.
        CompactRange range = CompactRange.empty();
        byte[] heldRoot = null;
        for (int i = 0; i < ENTRIES; i++) {
            range.append(TreeHash.leaf(entry(i)), (id, h) -> { });
            if (range.size() == heldSize) {
                heldRoot = range.root();
            }
        }
        String note = SignedNote.sign(new Checkpoint(ORIGIN, ENTRIES, range.root()).body(), signer);
        Checkpoint held = new Checkpoint(ORIGIN, heldSize, heldRoot);

        Path file = dir.resolve("month.tpb");
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Bundle.Writer writer = new Bundle.Writer(out, 0, ENTRIES, note, List.of(), List.of(), null, List.of());
            for (int i = 0; i < ENTRIES; i++) {
                writer.entry(entry(i));
            }
            writer.finish();
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long bytes = Files.size(file);

        double bestRead = Double.MAX_VALUE;
        double bestVerify = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(Bundle.sequentialRead(in)).isEqualTo(bytes);
            }
            bestRead = Math.min(bestRead, (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                Bundle.Verified verified = Bundle.verify(in, signer.verifier(), held);
                assertThat(verified.entries()).isEqualTo(ENTRIES);
                assertThat(verified.previousChecked()).isEqualTo(heldSize);
            }
            bestVerify = Math.min(bestVerify, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf("%nbundle: %,d entries, %,d bytes (%.0f bytes/entry), written in %.2f s%n", ENTRIES, bytes,
                (double) bytes / ENTRIES, writeSeconds);
        System.out.printf("sequential read (floor): %.3f s = %.0f MB/s%n", bestRead, bytes / 1e6 / bestRead);
        System.out.printf("bundle verify:           %.3f s = %.0f MB/s, %,.0f entries/s (%.1fx the read)%n", bestVerify,
                bytes / 1e6 / bestVerify, ENTRIES / bestVerify, bestVerify / bestRead);
        assertThat(bestVerify).as("verification within 20x a sequential read").isLessThan(bestRead * 20);
    }
}
