package com.healthadvisor.portfolio;

import com.healthadvisor.HealthAdvisor;
import com.healthadvisor.RuleFiles;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

/**
 * Diagnoses every company of a multi-company ledger ({@code company_id,customer_id,month,mrr[,...]}, CSV with a
 * header or Parquet) for one period, and writes one row per company (company, period, health, top code, the
 * result's JSON, or the error that kept a company from a diagnosis) as Parquet and as JSON lines.
 *
 * <pre>
 * PortfolioJob --ledger portfolio.csv --out results [--period 2024-06] [--rules rules] [--master local[*]]
 * </pre>
 *
 * Without {@code --master} the master is spark-submit's; with neither, {@code local[*]}.
 */
public final class PortfolioJob {

    static final String COMPANY = "company_id";
    private static final String LINE = "_line";
    static final StructType OUTCOME = new StructType()
            .add("company", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, true)
            .add("health", DataTypes.StringType, true)
            .add("top_code", DataTypes.StringType, true)
            .add("result", DataTypes.StringType, true)
            .add("error", DataTypes.StringType, true);

    private PortfolioJob() {
    }

    static final String USAGE = "PortfolioJob --ledger PATH --out PATH [--period YYYY-MM] [--rules DIR] [--master URL]";

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\nusage: " + USAGE);
            System.exit(2);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("health-advisor-portfolio");
        if (options.master() != null) {
            builder.master(options.master());
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        try (SparkSession spark = builder.getOrCreate()) {
            long started = System.nanoTime();
            long companies = run(spark, options);
            System.out.printf("%d companies diagnosed in %.1f s; results in %s%n", companies,
                    (System.nanoTime() - started) / 1e9, options.out());
        }
    }

    /**
     * The job as shipped: read, diagnose, and write the outcomes as Parquet, then the JSON lines from that Parquet
     * (a few bytes a company), so that every company is diagnosed once without holding the outcomes in memory.
     * Returns the companies written.
     */
    static long run(SparkSession spark, Options options) {
        String parquet = options.out() + "/parquet";
        diagnose(spark, read(spark, options.ledger()), options.period(), options.rules())
                .write().mode("overwrite").parquet(parquet);
        Dataset<Row> written = spark.read().parquet(parquet);
        written.write().mode("overwrite").json(options.out() + "/jsonl");
        return written.count();
    }

    /**
     * The ledger, CSV with a header (every value as text, as the command line reads it) or Parquet (a path ending in
     * {@code .parquet}); any path Spark reads ({@code s3a://}, {@code hdfs://}, a directory of parts).
     */
    static Dataset<Row> read(SparkSession spark, String ledger) {
        return ledger.endsWith(".parquet") || ledger.endsWith(".parquet/")
                ? spark.read().parquet(ledger)
                // RFC 4180, as the command line reads a ledger: a quote inside a quoted value is doubled ("The ""Best""
                // Co"), and a backslash is a character like any other (Spark's default takes it for an escape).
                : spark.read().option("header", "true").option("inferSchema", "false").option("escape", "\"")
                        .csv(ledger);
    }

    /**
     * One row per company, in the {@link #OUTCOME} schema. The rows are sent to their company's partition (one per
     * core: the outcomes come out in as many files), sorted there by company and by their place in the file, and each
     * company's rows are handed to the ledger reader as they come ({@link CompanyRows}): no wide rows held per group,
     * no CSV text written to be parsed again. Only the columns the ledger reader takes travel; a ledger with another
     * column keeps it, so that every company is refused for it as the command line refuses such a file.
     */
    static Dataset<Row> diagnose(SparkSession spark, Dataset<Row> ledger, String period, Path rules) {
        List<String> columns = Arrays.asList(ledger.columns());
        if (!columns.contains(COMPANY)) {
            throw new IllegalArgumentException("the ledger has no " + COMPANY + " column (it has " + columns + ")");
        }
        Set<String> known = HealthAdvisor.ledgerColumns();
        boolean onlyKnown = columns.stream().allMatch(c -> c.equals(COMPANY) || known.contains(normalized(c)));
        List<String> header = columns.stream().filter(c -> !c.equals(COMPANY))
                .filter(c -> !onlyKnown || known.contains(normalized(c))).toList();
        Broadcast<RuleFiles> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(rulesOf(rules));
        List<Column> selected = new ArrayList<>();
        selected.add(asText(ledger, COMPANY));
        header.forEach(c -> selected.add(asText(ledger, c)));
        int partitions = spark.sparkContext().defaultParallelism();
        Dataset<Row> byCompany = ledger.select(selected.toArray(Column[]::new))
                .withColumn(LINE, monotonically_increasing_id())
                .repartition(partitions, col(COMPANY))
                .sortWithinPartitions(col(COMPANY), col(LINE));
        return byCompany.mapPartitions((MapPartitionsFunction<Row, Row>) rows ->
                new CompanyRows(rows, header, period, broadcast.value()), Encoders.row(OUTCOME));
    }

    private static String normalized(String column) {
        return column.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A column as the ledger reader takes it: text as it is, numbers as text, and a month a Parquet file types as a
     * date or a timestamp as {@code YYYY-MM}.
     */
    private static Column asText(Dataset<Row> ledger, String column) {
        DataType type = ledger.schema().apply(column).dataType();
        boolean calendar = type instanceof DateType || type instanceof TimestampType
                || type instanceof TimestampNTZType;
        return (calendar ? date_format(col(column), "yyyy-MM") : col(column).cast("string")).as(column);
    }

    static RuleFiles rulesOf(Path directory) {
        return HealthAdvisor.readRules(directory);
    }

    /** {@code ledger} and {@code out} are Spark's paths (a cluster's too); {@code rules} is on the driver's disk. */
    record Options(String ledger, String out, String period, Path rules, String master) {

        static Options parse(String[] args) {
            String ledger = null;
            String out = null;
            String period = null;
            Path rules = Path.of("rules");
            String master = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--ledger" -> ledger = required(args[i], value);
                    case "--out" -> out = required(args[i], value);
                    case "--period" -> period = required(args[i], value);
                    case "--rules" -> rules = Path.of(required(args[i], value));
                    case "--master" -> master = required(args[i], value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (ledger == null || out == null) {
                throw new IllegalArgumentException("--ledger FILE and --out DIR are required");
            }
            return new Options(ledger, out, period, rules, master);
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
