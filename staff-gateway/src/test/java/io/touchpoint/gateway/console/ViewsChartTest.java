package io.touchpoint.gateway.console;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ViewsChartTest {

    private static final Instant FROM = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant TO = FROM.plus(24, ChronoUnit.HOURS);

    @Test
    void everyViewInThePeriodIsDrawnAndCountedOnce() {
        List<ViewsChart.Count> counts = List.of(
                new ViewsChart.Count(FROM.plusSeconds(600), "GATE/A12", 7),
                new ViewsChart.Count(FROM.plusSeconds(3 * 3600), "GATE/A12", 3),
                new ViewsChart.Count(FROM.plusSeconds(3 * 3600), "LOUNGE/L1", 5),
                new ViewsChart.Count(FROM.minusSeconds(3600), "GATE/A12", 100)); // before the period

        ViewsChart chart = ViewsChart.draw(counts, FROM, TO);

        assertThat(chart.total()).isEqualTo(15);
        assertThat(chart.series()).extracting(ViewsChart.Series::touchpoint).containsExactly("GATE/A12", "LOUNGE/L1");
        assertThat(chart.series()).as("the legend counts the period only").extracting(ViewsChart.Series::total)
                .containsExactly(10L, 5L);
        assertThat(barValues(chart.svg())).containsExactlyInAnyOrder(7L, 3L, 5L);
        assertThat(chart.svg()).contains("<title id=\"chart-title\">").contains("15 card views");
    }

    @Test
    void theQuietTouchpointsShareOneColourAsOther() {
        List<ViewsChart.Count> counts = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            counts.add(new ViewsChart.Count(FROM.plusSeconds(3600L * i), "GATE/G" + i, 10 + i));
        }

        ViewsChart chart = ViewsChart.draw(counts, FROM, TO);

        assertThat(chart.series()).hasSize(ViewsChart.PALETTE.size());
        assertThat(chart.series().getLast().touchpoint()).isEqualTo(ViewsChart.OTHER);
        assertThat(chart.series().stream().mapToLong(ViewsChart.Series::total).sum()).isEqualTo(chart.total());
    }

    @Test
    void touchpointNamesCannotInjectMarkup() {
        ViewsChart chart = ViewsChart.draw(List.of(new ViewsChart.Count(FROM, "GATE/<script>", 1)), FROM, TO);

        assertThat(chart.svg()).doesNotContain("<script>").contains("GATE/&lt;script&gt;");
    }

    @Test
    void theAxisReachesTheTallestBarInFourRoundSteps() {
        assertThat(ViewsChart.niceCeiling(0)).isEqualTo(4);
        assertThat(ViewsChart.niceCeiling(7)).isEqualTo(8);
        assertThat(ViewsChart.niceCeiling(37)).isEqualTo(40);
        assertThat(ViewsChart.niceCeiling(41)).isEqualTo(80);
        assertThat(ViewsChart.niceCeiling(1234)).isEqualTo(2000);
        for (long max = 0; max < 5000; max += 7) {
            long top = ViewsChart.niceCeiling(max);
            assertThat(top).isGreaterThanOrEqualTo(max).isEqualTo(top / 4 * 4);
        }
    }

    private static List<Long> barValues(String svg) {
        List<Long> values = new ArrayList<>();
        Matcher m = Pattern.compile("<rect [^>]*><title>[^<]*: (\\d+)</title></rect>").matcher(svg);
        while (m.find()) {
            values.add(Long.parseLong(m.group(1)));
        }
        return values;
    }
}
