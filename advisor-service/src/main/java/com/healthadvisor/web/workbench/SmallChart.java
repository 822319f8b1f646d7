package com.healthadvisor.web.workbench;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.company.TimelineEntry;
import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.report.TrendChart;
import com.healthadvisor.ruleset.Benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One key metric over a company's periods, for the company page: its points gathered from the timeline, drawn by
 * the report package's {@link TrendChart}.
 *
 * @param svg    the chart
 * @param latest the newest value as people write it, with its band
 */
public record SmallChart(String code, String label, String svg, String latest) {

    /** Null when no period has the metric. */
    static SmallChart of(String code, List<TimelineEntry> periods, Benchmarks benchmarks, String currency) {
        List<TrendChart.Point> points = new ArrayList<>();
        String unit = null;
        for (TimelineEntry entry : periods) {
            for (TimelineEntry.KeyMetric metric : entry.metrics()) {
                if (metric.code().equals(code)) {
                    points.add(new TrendChart.Point(entry.period(), metric.value(), metric.band()));
                    unit = metric.unit();
                }
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        ValueFormat format = new ValueFormat(currency);
        TrendChart.Point last = points.get(points.size() - 1);
        String label = MetricCatalog.find(code).map(definition -> definition.label()).orElse(code);
        String latest = format.format(last.value(), unit)
                + (last.band() == null ? "" : " (" + last.band().replace('_', ' ') + ")");
        return new SmallChart(code, label, TrendChart.svg(code, label, points, unit, benchmarks, format), latest);
    }
}
