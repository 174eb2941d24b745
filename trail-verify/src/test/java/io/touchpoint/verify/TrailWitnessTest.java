package io.touchpoint.verify;

import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.Cosignature;
import io.touchpoint.merkle.NoteKeys;
import io.touchpoint.merkle.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The witness against a trail bent by whoever holds the database and the key. */
class TrailWitnessTest {

    private final FakeTrail trail = new FakeTrail();
    private final Cosignature.Signer cosigner = Cosignature.signer(NoteKeys.generate("witness.test/w1"));
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path state;

    private TrailWitness.Outcome run() throws Exception {
        return new TrailWitness(trail, trail.signer.verifier(), state, cosigner, clock).run();
    }

    private void twoMonthsTheFirstClosed() throws Exception {
        trail.append("2026-10", 9);
        trail.close("2026-10");
        trail.append("2026-11", 5);
        assertThat(run().problems()).isEmpty();
    }

    @Test
    void anHonestTrailIsFollowedAndEveryAcceptedCheckpointCosigned() throws Exception {
        twoMonthsTheFirstClosed();
        trail.append("2026-11", 7);
        trail.append("2026-12", 2);
        TrailWitness.Outcome second = run();
        assertThat(second.problems()).isEmpty();
        assertThat(second.accepted()).contains(FakeTrail.ORIGIN + "/2026-11 at size 12 (was 5)", FakeTrail.ORIGIN + "/2026-12 at size 2 (first seen)");
        assertThat(trail.cosignatures).anySatisfy(posted -> assertThat(posted).startsWith("/api/trail/trees/2026-11/checkpoints/12/cosignatures"));
        String line = trail.cosignatures.getLast().split(" ", 2)[1];
        Checkpoint december = Checkpoint.parse(SignedNote.open(trail.note("2026-12"), trail.signer.verifier()));
        assertThat(cosigner.verifier().verifies(Cosignature.parse(line).orElseThrow(), december.body())).isTrue();
        assertThat(java.nio.file.Files.readString(state.resolve("trail.state"))).contains("tree 2026-10 9 ").contains(" closed 0");
    }

    @Test
    void aMonthWhoseCheckpointsWereDeletedIsReportedAsVanished() throws Exception {
        twoMonthsTheFirstClosed();
        trail.hidden.add("2026-11");
        TrailWitness.Outcome outcome = run();
        assertThat(outcome.problems()).singleElement().asString()
                .contains("2026-11 vanished from the listing (last accepted at size 5)");
        trail.hidden.clear();
        trail.hidden.add("2026-10");
        assertThat(run().problems()).singleElement().asString().contains("2026-10 vanished").contains("closed as leaf 0 of the epochs tree");
    }

    @Test
    void aSecondRootAtASizeTheWitnessSawIsASplitView() throws Exception {
        twoMonthsTheFirstClosed();
        trail.append("2026-11", 3);
        assertThat(run().problems()).isEmpty();
        // Another auditor was shown a different history at size 5; now this witness is too.
        trail.rewrite("2026-11", 2, 3);
        assertThat(run().problems()).singleElement().asString().startsWith("split view: ").contains("at size 5");
        // The same fork grown past the witness: inconsistent with what it accepted.
        trail.append("2026-11", 10);
        assertThat(run().problems()).singleElement().asString().startsWith("split view or rewrite: ").contains("not an extension");
    }

    @Test
    void aTreeRolledBackToAnOlderSizeIsRefused() throws Exception {
        twoMonthsTheFirstClosed();
        trail.rewrite("2026-11", 3, 0);
        assertThat(run().problems()).singleElement().asString().startsWith("rollback: ").contains("shrank from 5 to 3");
    }

    @Test
    void aClosedMonthThatGrewOrLeftTheEpochsTreeIsRefused() throws Exception {
        twoMonthsTheFirstClosed();
        trail.append("2026-10", 1); // written into a closed month, and re-signed
        assertThat(run().problems()).singleElement().asString().contains("closed month 2026-10 changed from size 9 to 10");
    }

    @Test
    void nothingRefusedIsCosigned() throws Exception {
        twoMonthsTheFirstClosed();
        int before = trail.cosignatures.size();
        trail.rewrite("2026-11", 3, 0);
        run();
        assertThat(trail.cosignatures.subList(before, trail.cosignatures.size())).noneMatch(p -> p.contains("/2026-11/"));
    }
}
