package io.touchpoint.gateway.console;

import io.touchpoint.gateway.support.GatewayTest;
import io.touchpoint.trail.TrailCosignatures;
import io.touchpoint.trail.TrailTrees;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's trail section says which checkpoints are witnessed, and by whom; rendered from its real template. */
@GatewayTest
class ConsoleWitnessesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static String render(List<TrailTrees.Tree> trees, List<TrailCosignatures.Stored> cosignatures, List<String> witnessKeys) {
        ConsolePage.View view = new ConsolePage.View(new ConsolePage.Form("", "", "", "", "", "", "", ""), null, List.of(), null, null,
                "/console/export.csv", new TrailTrees.Trail("touchpoint.dev/access-log+22a16224+AXzB", trees, witnessKeys), null, null,
                null, List.of(), ViewsChart.draw(List.of(), NOW.minusSeconds(3600), NOW), NOW.minusSeconds(3600), NOW, cosignatures);
        return ConsolePage.Templates.console(view).render();
    }

    @Test
    void eachTreeShowsWhetherItsLatestCheckpointIsWitnessedAndByWhom() {
        List<TrailTrees.Tree> trees = List.of(
                new TrailTrees.Tree("2026-12", "touchpoint.dev/access-log/2026-12", 120, "root=", NOW, false, 120L,
                        List.of("witness.a.example", "witness.b.example")),
                new TrailTrees.Tree("2026-11", "touchpoint.dev/access-log/2026-11", 900, "root=", NOW, true, 850L, List.of("witness.a.example")),
                new TrailTrees.Tree("epochs", "touchpoint.dev/access-log/epochs", 3, "root=", NOW, false, null, List.of()));
        String page = render(trees, List.of(new TrailCosignatures.Stored("2026-12", 120, "witness.a.example", "witness.a.example+1+k",
                NOW, "— witness.a.example AAAA")), List.of("witness.a.example+00000001+BAAA"));

        assertThat(page).containsPattern("(?s)data-tree=\"2026-12\".*?data-state=\"witnessed\"[^<]*<span class=\"tag ok\">latest</span>[^<]*by witness.a.example, witness.b.example");
        assertThat(page).containsPattern("(?s)data-tree=\"2026-11\".*?data-state=\"witnessed-earlier\">at size 850 by witness.a.example");
        assertThat(page).containsPattern("(?s)data-tree=\"epochs\".*?data-state=\"unwitnessed\"><span class=\"tag warn\">not witnessed");
        assertThat(page).contains("data-cosignature=\"2026-12/120\"").contains("<code>witness.a.example+00000001+BAAA</code>");
    }

    @Test
    void withoutWitnessesTheConsoleSaysSo() {
        String page = render(List.of(new TrailTrees.Tree("2026-12", "o/2026-12", 1, "r=", NOW, false, null, List.of())), List.of(), List.of());
        assertThat(page).contains("data-state=\"no-cosignatures\"").contains("none configured").contains("not witnessed");
    }
}
