package com.healthadvisor.cli;

import com.healthadvisor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input of contract.md is refused with exit code 2 and a message naming the field. */
class BadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            snapshot-unparseable-json                        | /: not valid JSON at line 2
            snapshot-not-an-object                           | /: must be an object (was [1,2,3])
            snapshot-missing-period                          | /period: is required (YYYY-MM, YYYY-Qn or YYYY)
            snapshot-malformed-period                        | /period: must be YYYY-MM, YYYY-Qn or YYYY (was "2024-13")
            snapshot-unknown-periodicity                     | /periodicity: must be one of monthly, quarterly, annual (was "weekly")
            snapshot-unknown-stage                           | /profile/stage: must be one of early, growth, scale (was "seed")
            snapshot-unknown-market                          | /profile/market: must be one of smb, mid_market, enterprise, mixed (was "midmarket")
            snapshot-negative-churned-mrr                    | /mrr/churned: must not be negative (was -500)
            snapshot-negative-customer-count                 | /customers/starting: must not be negative (was -3)
            snapshot-fractional-customer-count               | /customers/ending: must be a whole number (was 10.5)
            snapshot-nan-amount                              | /mrr/new: must be a finite number (was NaN)
            snapshot-infinite-amount                         | /revenue/gross: must be a finite number (was Infinity)
            snapshot-amount-as-string                        | /mrr/ending: must be a number (was "500000")
            snapshot-retention-above-one-at-index-0          | /cohorts/0/logo_retention/0: must be between 0 and 1 (was 1.2); index 0 is the acquisition period
            snapshot-logo-retention-above-one                | /cohorts/0/logo_retention/1: must be between 0 and 1 (was 1.1)
            snapshot-share-above-one                         | /metrics/top_customer_share: must be between 0 and 1 (was 1.5)
            snapshot-ratio-written-as-percent                | /metrics/logo_churn_rate: must be between 0 and 1 (was 6); ratios are fractions: 0.06, not 6
            snapshot-churned-customers-above-starting        | /customers/churned: must not exceed customers.starting + new + reactivated + acquired (was 40 > 35)
            snapshot-churn-and-contraction-above-starting-mrr | /mrr/churned: churned + contraction (11000) must not exceed starting + new + expansion + reactivation + acquired MRR (10500)
            snapshot-quarter-without-quarterly-periodicity   | /period: "2024-Q2" is a quarter, but the periodicity is monthly (the default): set "periodicity": "quarterly"
            snapshot-year-with-monthly-periodicity           | /period: "2024" is a year, but the periodicity is monthly: set "periodicity": "annual"
            snapshot-history-of-another-form                 | /history/0/period: must be a month like the snapshot's period "2024-06" (was "2024-Q1")
            snapshot-unknown-currency-code                   | /currency: unknown ISO 4217 currency "XYZ"; every amount is in the snapshot's one currency, such as USD, EUR or GBP
            snapshot-target-percent-written-as-ratio         | /targets/nrr: must be between 0 and 10 (was 110); ratios are fractions: 1.10, not 110
            snapshot-unknown-top-level-key                   | /mrrr: unknown key; did you mean "mrr"?
            snapshot-unknown-nested-key                      | /mrr/chruned: unknown key; did you mean "churned"?
            snapshot-unknown-metric-code                     | /metrics/nrrr: unknown metric code; did you mean "nrr"?
            snapshot-unknown-target-code                     | /targets/logo_churn: unknown metric code; did you mean "logo_churn_rate"?
            snapshot-duplicate-key                           | Duplicate Object property "period"
            snapshot-history-not-oldest-first                | /history/1/period: history must be oldest first, one entry per period ("2024-03" follows "2024-05")
            snapshot-duplicate-breakdown                     | /breakdowns/1/name: duplicate breakdown product:Core (also at /breakdowns/0)
            snapshot-duplicate-customer                      | /customer_revenue/1/customer: duplicate customer "c-1" (also at /customer_revenue/0)
            snapshot-unknown-currency-form                   | /currency: must be a three-letter ISO 4217 code such as USD (was "dollars")
            snapshot-cohort-longer-than-240-ages             | /cohorts/0/logo_retention: must not have more than 240 entries (was 241)
            snapshot-400-digit-integer                       | /mrr/starting: is too large to be a number here (400 digits)
            snapshot-year-ago-capped-above-then              | /year_ago_customers/mrr_now_capped: must not exceed mrr_then (80000): each customer counts at most what they paid then (was 81000)
            snapshot-year-ago-without-mrr-now                | /year_ago_customers/mrr_now: is required: year_ago_customers needs mrr_then and mrr_now
            """)
    void isRefusedWithExitCodeTwoAndTheFieldNamed(String fixture, String message) {
        Cli.Run run = Cli.run("diagnose", TestFiles.BAD_INPUT.resolve(fixture + ".json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        Cli.Run run = Cli.runWithInput("""
                { "period": "2024-6", "mrr": { "new": -1, "ending": -2 }, "metrics": { "nps": 40 } }""",
                "diagnose", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("/period: must be", "/mrr/new: must not be negative",
                "/mrr/ending: must not be negative", "/metrics/nps: unknown metric code");
    }

    @Test
    void moreThanTenThousandBreakdownsAreRefused() {
        StringBuilder json = new StringBuilder("{\"period\":\"2024-06\",\"breakdowns\":[");
        for (int i = 0; i <= 10_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"dimension\":\"plan\",\"name\":\"p").append(i).append("\"}");
        }
        Cli.Run run = Cli.runWithInput(json.append("]}").toString(), "diagnose", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("/breakdowns: must not have more than 10,000 entries (was 10,001)");
    }

    @Test
    void moreThanTenThousandCustomersAreRefused() {
        StringBuilder json = new StringBuilder("{\"period\":\"2024-06\",\"customer_revenue\":[");
        for (int i = 0; i <= 10_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"customer\":\"c").append(i).append("\",\"mrr\":1}");
        }
        Cli.Run run = Cli.runWithInput(json.append("]}").toString(), "diagnose", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("/customer_revenue: must not have more than 10,000 entries (was 10,001)");
    }

    @Test
    void documentsOverFiveMegabytesAreRefused(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"period\":\"2024-06\",\"company\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}");

        Cli.Run run = Cli.run("diagnose", big.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("/: document must not be larger than 5 MB (was 6.0 MB)");
    }
}
