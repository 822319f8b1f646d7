package com.healthadvisor.web.workbench;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.company.TimelineEntry;
import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.report.TrendChart;
import com.healthadvisor.ruleset.Band;
import com.healthadvisor.ruleset.Benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One key metric over a company's periods, for the company page: its points gathered from the stored periods and
 * from the months a snapshot carried as history, drawn by the report package's {@link TrendChart} with the band
 * edges that apply to the company. Numbers are written as the report writes them, never rounded across an edge.
 *
 * @param svg    the chart
 * @param latest the newest value as people write it
 * @param band   the newest value's band in words, null for none
 * @param tone   that band's tone (good, watch, bad, neutral)
 */
public record SmallChart(String code, String label, String svg, String latest, String band, String tone) {

    /** The metrics the company page draws, in this order: logo churn as the advisor judges it. */
    static final List<String> CHARTED = List.of("mrr", "mrr_growth_rate", "customers", "logo_churn_rate_monthly",
            "revenue_churn_rate", "nrr", "grr", "quick_ratio", "arpa");

    /**
     * Null when no period has the metric.
     *
     * @param periods oldest first; an entry of revision 0 is a month known only from a history
     * @param linkOf  a stored period's report address
     */
    static SmallChart of(String code, List<TimelineEntry> periods, Benchmarks benchmarks, Context context,
                         Function<String, String> linkOf) {
        List<TrendChart.Point> points = new ArrayList<>();
        String unit = null;
        for (TimelineEntry entry : periods) {
            for (TimelineEntry.KeyMetric metric : entry.metrics()) {
                if (metric.code().equals(code)) {
                    points.add(new TrendChart.Point(entry.period(), metric.value(), metric.band(),
                            entry.revision() == 0 ? null : linkOf.apply(entry.period())));
                    unit = metric.unit();
                }
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        ValueFormat format = new ValueFormat(context.currency());
        double[] edges = edges(code, benchmarks, context);
        TrendChart.Point last = points.get(points.size() - 1);
        String label = Titles.capitalized(MetricCatalog.find(code).map(definition -> definition.label()).orElse(code));
        String tone = last.band() == null ? Band.NEUTRAL : benchmarks.all().stream()
                .filter(band -> band.metric().equals(code) && band.name().equals(last.band()))
                .map(Band::tone).findFirst().orElse(Band.NEUTRAL);
        return new SmallChart(code, label, TrendChart.svg(code, label, points, unit, benchmarks, edges, format),
                format.format(last.value(), unit, edges), last.band() == null ? null : last.band().replace('_', ' '),
                tone);
    }

    /** Where the company's stage, market and periodicity put the metric's band edges. */
    record Context(String currency, String stage, String market, String periodicity) {
    }

    private static double[] edges(String code, Benchmarks benchmarks, Context context) {
        return benchmarks.bandsFor(code, context.stage(), context.market(), context.periodicity()).stream()
                .flatMapToDouble(band -> java.util.stream.DoubleStream.of(band.range().low(), band.range().high()))
                .filter(Double::isFinite).distinct().sorted().toArray();
    }
}
