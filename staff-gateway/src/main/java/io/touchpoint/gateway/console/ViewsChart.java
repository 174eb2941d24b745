package io.touchpoint.gateway.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Card views per hour and touchpoint as an SVG stacked bar chart, drawn here so that the console loads no
 * charting library. The busiest touchpoints get their own colour; the rest are counted together as "other".
 */
public final class ViewsChart {

    /** One bucket of the query: views at a touchpoint in the hour starting at {@code hour}. */
    public record Count(Instant hour, String touchpoint, long views) {
    }

    public record Series(String touchpoint, String colour, long total) {
    }

    /** Colours distinguishable with common colour blindness (Okabe–Ito), each 3:1 or more against white. */
    static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56606b");
    static final String OTHER = "other";
    private static final int WIDTH = 960;
    private static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int BOTTOM = 28;
    private static final int TOP = 12;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK).withZone(ZoneOffset.UTC);

    private final List<Series> series;
    private final String svg;
    private final long total;

    private ViewsChart(List<Series> series, String svg, long total) {
        this.series = series;
        this.svg = svg;
        this.total = total;
    }

    public List<Series> series() {
        return series;
    }

    /** The drawing; every text in it is escaped. */
    public String svg() {
        return svg;
    }

    public long total() {
        return total;
    }

    public static ViewsChart draw(List<Count> counts, Instant from, Instant to) {
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        int hours = (int) Math.max(1, Math.min(24 * 31, ChronoUnit.HOURS.between(first, to.plusSeconds(3599).truncatedTo(ChronoUnit.HOURS))));
        List<Count> inPeriod = counts.stream().filter(c -> {
            long slot = ChronoUnit.HOURS.between(first, c.hour().truncatedTo(ChronoUnit.HOURS));
            return slot >= 0 && slot < hours;
        }).toList();
        Map<String, Long> byTouchpoint = new TreeMap<>();
        inPeriod.forEach(c -> byTouchpoint.merge(c.touchpoint(), c.views(), Long::sum));
        List<String> busiest = byTouchpoint.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(PALETTE.size() - 1).map(Map.Entry::getKey).toList();
        Map<String, String> colourOf = new LinkedHashMap<>();
        for (int i = 0; i < busiest.size(); i++) {
            colourOf.put(busiest.get(i), PALETTE.get(i));
        }
        boolean hasOther = byTouchpoint.size() > busiest.size();
        if (hasOther) {
            colourOf.put(OTHER, PALETTE.getLast());
        }
        long[][] stacks = new long[hours][colourOf.size()];
        List<String> keys = new ArrayList<>(colourOf.keySet());
        long total = 0;
        for (Count c : inPeriod) {
            int slot = (int) ChronoUnit.HOURS.between(first, c.hour().truncatedTo(ChronoUnit.HOURS));
            int key = keys.indexOf(colourOf.containsKey(c.touchpoint()) ? c.touchpoint() : OTHER);
            stacks[slot][key] += c.views();
            total += c.views();
        }
        long max = 1;
        for (long[] stack : stacks) {
            long sum = 0;
            for (long v : stack) {
                sum += v;
            }
            max = Math.max(max, sum);
        }
        long top = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - 8;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double barWidth = plotWidth / hours;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">")
                .append("<title id=\"chart-title\">Card views per hour and touchpoint</title>")
                .append("<desc id=\"chart-desc\">").append(escape(description(byTouchpoint, total, first, hours))).append("</desc>");
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotHeight - plotHeight * i / 4;
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d5d9de\"/>", LEFT, WIDTH - 8, y, y));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\" fill=\"#3b4350\">%d</text>",
                    LEFT - 6, y + 4, top * i / 4));
        }
        for (int h = 0; h < hours; h++) {
            double y = TOP + plotHeight;
            for (int k = 0; k < keys.size(); k++) {
                long v = stacks[h][k];
                if (v == 0) {
                    continue;
                }
                double height = plotHeight * v / top;
                y -= height;
                out.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s, %s: %d</title></rect>",
                        LEFT + h * barWidth + barWidth * 0.1, y, Math.max(barWidth * 0.8, 1), height, colourOf.get(keys.get(k)),
                        escape(keys.get(k)), HOUR.format(first.plus(h, ChronoUnit.HOURS)), v));
            }
            int every = Math.max(1, (hours + 7) / 8);
            if (h % every == 0) {
                Instant at = first.plus(h, ChronoUnit.HOURS);
                String label = HOUR.format(at).equals("00:00") || h == 0 ? DAY.format(at) + " " + HOUR.format(at) : HOUR.format(at);
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#3b4350\">%s</text>",
                        LEFT + h * barWidth, HEIGHT - 8, escape(label)));
            }
        }
        out.append("</svg>");
        List<Series> legend = new ArrayList<>();
        for (String key : keys) {
            long sum = key.equals(OTHER)
                    ? byTouchpoint.entrySet().stream().filter(e -> !busiest.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum()
                    : byTouchpoint.get(key);
            legend.add(new Series(key, colourOf.get(key), sum));
        }
        return new ViewsChart(legend, out.toString(), total);
    }

    private static String description(Map<String, Long> byTouchpoint, long total, Instant first, int hours) {
        return total + " card views in the " + hours + " hours from " + DAY.format(first) + " " + HOUR.format(first) + " UTC"
                + (byTouchpoint.isEmpty() ? "." : ": " + byTouchpoint.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).limit(10).reduce((a, b) -> a + ", " + b).orElse("") + ".");
    }

    /** The axis top: four gridline steps of 1, 2 or 5 times a power of ten, reaching at least {@code max}. */
    static long niceCeiling(long max) {
        long step = Math.max(1, (max + 3) / 4);
        long power = 1;
        while (power * 10 <= step) {
            power *= 10;
        }
        for (long m : new long[]{1, 2, 5, 10}) {
            if (power * m >= step) {
                return power * m * 4;
            }
        }
        return power * 40;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
