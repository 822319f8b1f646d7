package com.healthadvisor.snapshot;

import com.healthadvisor.InvalidSnapshotException;
import com.healthadvisor.Violation;
import com.healthadvisor.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a snapshot from JSON, refusing malformed or impossible input as a whole (contract.md, "Bad input").
 * Thread-safe: one instance may serve every request.
 */
public final class SnapshotReader {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> CURRENCIES = java.util.Currency.getAvailableCurrencies().stream()
            .map(java.util.Currency::getCurrencyCode).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The largest document read by default (contract.md): the service sets its own, {@code advisor.max-snapshot-size}. */
    public static final long DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

    private static final Set<String> TOP_KEYS = Set.of("company", "period", "periodicity", "currency", "profile",
            "mrr", "customers", "users", "revenue", "metrics", "targets", "history", "cohorts", "breakdowns",
            "customer_revenue", "year_ago_customers", "finance");
    private static final Set<String> PROFILE_KEYS = Set.of("stage", "market", "model");
    private static final List<String> PERIODICITIES = List.of("monthly", "quarterly", "annual");

    private final long maxBytes;

    public SnapshotReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public SnapshotReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The largest document this reader accepts, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    public Snapshot read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    public Snapshot read(byte[] json) {
        if (json.length > maxBytes) {
            throw invalid("", "document must not be larger than " + (maxBytes % 1048576 == 0 ? maxBytes / 1048576 + " MB"
                    : String.format(Locale.ROOT, "%.1f MB", maxBytes / 1048576.0))
                    + " (was " + String.format(Locale.ROOT, "%.1f MB", json.length / 1048576.0) + ")");
        }
        JsonNode root = parse(json);
        Fields fields = new Fields();
        Snapshot snapshot = snapshot(root, fields);
        if (!fields.violations().isEmpty()) {
            throw new InvalidSnapshotException(fields.violations());
        }
        return snapshot;
    }

    /**
     * History entries (each one a {@code history} entry's JSON object, oldest first) read exactly as a document's
     * {@code history} array of them would be for a snapshot of {@code period}: what a stored company's earlier
     * periods become without writing a whole document around them to read it again.
     *
     * @throws InvalidSnapshotException as {@link #read} would for the same array
     */
    public List<Figures> history(List<String> entries, String period) {
        ArrayNode array = Json.SNAPSHOT_INPUT.createArrayNode();
        for (String entry : entries) {
            array.add(parse(entry.getBytes(StandardCharsets.UTF_8)));
        }
        Fields fields = new Fields();
        List<Figures> history = history(array, period, fields);
        if (!fields.violations().isEmpty()) {
            throw new InvalidSnapshotException(fields.violations());
        }
        return history;
    }

    private JsonNode parse(byte[] json) {
        try {
            JsonNode root = Json.SNAPSHOT_INPUT.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw invalid("", "document is empty");
            }
            return root;
        } catch (JacksonException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw invalid("", "not valid JSON" + at + ": " + e.getOriginalMessage());
        }
    }

    private static InvalidSnapshotException invalid(String pointer, String message) {
        return new InvalidSnapshotException(List.of(new Violation(pointer, message)));
    }

    private Snapshot snapshot(JsonNode root, Fields fields) {
        if (!fields.object(root, "", TOP_KEYS)) {
            return null;
        }
        String period = period(root, "", fields, true);
        String periodicity = fields.word(root, "periodicity", "", PERIODICITIES);
        matchesPeriodicity(root, period, periodicity, fields);
        String currency = currency(root, fields);
        Figures figures = FiguresReader.figures(root, "", period, fields);
        Map<String, Double> targets = MetricsReader.metrics(root.get("targets"), "/targets", fields);
        List<Figures> history = history(root.get("history"), period, fields);
        List<Cohort> cohorts = CohortReader.cohorts(root.get("cohorts"), fields);
        List<Breakdown> breakdowns = FiguresReader.breakdowns(root.get("breakdowns"), fields);
        List<CustomerRevenue> customers = CohortReader.customerRevenue(root.get("customer_revenue"), fields);
        return new Snapshot(fields.text(root, "company", ""), period,
                periodicity == null ? Periodicity.MONTHLY : Periodicity.valueOf(periodicity.toUpperCase(Locale.ROOT)),
                currency, profile(root.get("profile"), fields), figures, targets, history, cohorts, breakdowns,
                customers);
    }

    /** A quarter is reported with "periodicity": "quarterly", a year with "annual": every rate is read by it. */
    private static void matchesPeriodicity(JsonNode root, String period, String periodicity, Fields fields) {
        if (period == null || periodicity == null && !Fields.absent(root.get("periodicity"))) {
            return;
        }
        String stated = periodicity == null ? "monthly" : periodicity;
        String implied = Periods.periodicityOf(period);
        if (!implied.equals(stated)) {
            fields.fail("/period", "\"" + period + "\" is a " + Periods.formOf(period) + ", but the periodicity is "
                    + stated + (periodicity == null ? " (the default)" : "") + ": set \"periodicity\": \"" + implied
                    + "\"");
        }
    }

    private static String currency(JsonNode root, Fields fields) {
        String currency = fields.text(root, "currency", "");
        if (currency == null) {
            return "USD";
        }
        if (!CURRENCY.matcher(currency).matches()) {
            fields.fail("/currency", "must be a three-letter ISO 4217 code such as USD (was \"" + currency + "\")");
        } else if (!isCurrency(currency)) {
            fields.fail("/currency", "unknown ISO 4217 currency \"" + currency + "\"; every amount is in the "
                    + "snapshot's one currency, such as USD, EUR or GBP");
        }
        return currency;
    }

    /** Whether a code is one of ISO 4217's, as the Java runtime knows them. */
    public static boolean isCurrency(String code) {
        return CURRENCIES.contains(code);
    }

    private static Profile profile(JsonNode node, Fields fields) {
        if (Fields.absent(node) || !fields.object(node, "/profile", PROFILE_KEYS)) {
            return Profile.NONE;
        }
        return new Profile(fields.word(node, "stage", "/profile", Profile.STAGES),
                fields.word(node, "market", "/profile", Profile.MARKETS),
                fields.word(node, "model", "/profile", Profile.MODELS));
    }

    static String period(JsonNode node, String pointer, Fields fields, boolean required) {
        String period = fields.text(node, "period", pointer);
        if (period == null) {
            if (required && Fields.absent(node.get("period"))) {
                fields.fail(Fields.child(pointer, "period"), "is required (YYYY-MM, YYYY-Qn or YYYY)");
            }
            return null;
        }
        if (!Periods.isValid(period)) {
            fields.fail(Fields.child(pointer, "period"),
                    "must be YYYY-MM, YYYY-Qn or YYYY (was \"" + period + "\")");
            return null;
        }
        return period;
    }

    private static List<Figures> history(JsonNode node, String current, Fields fields) {
        List<Figures> history = new ArrayList<>();
        if (Fields.absent(node) || !fields.array(node, "/history", CohortReader.MAX_ENTRIES)) {
            return history;
        }
        String previous = null;
        for (int i = 0; i < node.size(); i++) {
            String pointer = Fields.child("/history", i);
            JsonNode entry = node.get(i);
            if (!fields.object(entry, pointer, FiguresReader.HISTORY_KEYS)) {
                continue;
            }
            String period = period(entry, pointer, fields, true);
            if (period != null && previous != null && Periods.comparable(previous, period)
                    && previous.compareTo(period) >= 0) {
                fields.fail(pointer + "/period", "history must be oldest first, one entry per period (\""
                        + period + "\" follows \"" + previous + "\")");
            } else if (period != null && current != null && Periods.comparable(period, current)
                    && period.compareTo(current) >= 0) {
                fields.fail(pointer + "/period", "must be earlier than the snapshot's period \"" + current
                        + "\" (was \"" + period + "\")");
            }
            if (period != null && current != null && !Periods.formOf(period).equals(Periods.formOf(current))) {
                fields.fail(pointer + "/period", "must be a " + Periods.formOf(current) + " like the snapshot's period \""
                        + current + "\" (was \"" + period + "\")");
            }
            previous = period == null ? previous : period;
            history.add(FiguresReader.figures(entry, pointer, period, fields));
        }
        return history;
    }
}
