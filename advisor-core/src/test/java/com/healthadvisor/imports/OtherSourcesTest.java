package com.healthadvisor.imports;

import com.healthadvisor.InvalidImportException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chargebee's exports, any subscription CSV, rates and the recognition of a dropped file. */
class OtherSourcesTest {

    private static final String CSV = """
            customer_id,subscription_id,plan_amount,currency,interval,interval_count,quantity,started_at,canceled_at,trial_end
            cus_1,sub_1,4900,USD,month,1,3,2024-01-15,,
            cus_2,sub_2,99000,EUR,year,1,1,2024-02-01,2024-05-01,2024-02-15
            cus_3,sub_3,1500,USD,week,2,1,2024-03-31T23:59:59Z,,
            """;

    @Test
    void aSubscriptionCsvInTheDefaultLayout() throws IOException {
        BillingImport billing = read(BillingImport.Source.CSV, CSV, new BillingImport.Options("USD",
                new StringReader("currency,rate\nEUR,1.10\n"), null, "2024-06"));

        Map<String, Map<YearMonth, BigDecimal>> ledger = StripeImportTest.ledger(billing);
        assertThat(ledger.get("cus_1")).containsEntry(YearMonth.of(2024, 1), new BigDecimal("147.00"))
                .containsEntry(YearMonth.of(2024, 6), new BigDecimal("147.00"));
        // €990 a year, from the end of its trial to its cancellation on 1 May: February to April, at 1.10.
        assertThat(ledger.get("cus_2")).containsOnlyKeys(YearMonth.of(2024, 2), YearMonth.of(2024, 3),
                YearMonth.of(2024, 4)).containsEntry(YearMonth.of(2024, 2), new BigDecimal("90.75"));
        // $15 every two weeks: × 52 / 12 / 2; started in the last second of March, so March counts.
        assertThat(ledger.get("cus_3")).containsEntry(YearMonth.of(2024, 3), new BigDecimal("32.50"));
    }

    @Test
    void aMappingNamesOtherColumnsAndMajorUnits() throws IOException {
        String csv = "Account,Price,Currency,Billing,Start date\nacme,49.50,usd,Monthly,2024-01-01\n";
        BillingImport billing = BillingImport.read(BillingImport.Source.CSV, List.of(new BillingImport.Input("x.csv",
                new StringReader(csv))), new BillingImport.Options(null, null, new StringReader("""
                # Our export
                customer_id = Account
                plan_amount = Price
                currency = Currency
                interval = Billing
                started_at = Start date
                amounts = major
                """), null));

        assertThat(StripeImportTest.ledger(billing).get("acme")).containsEntry(YearMonth.of(2024, 1),
                new BigDecimal("49.50"));
    }

    @Test
    void aCsvWithoutItsColumnsOrWithABadLineIsRefusedNamingThem() {
        assertThatThrownBy(() -> read(BillingImport.Source.CSV, "customer,amount\nc,1\n",
                BillingImport.Options.defaults())).isInstanceOf(InvalidImportException.class)
                .hasMessageContaining("no column customer_id, plan_amount, currency, interval, started_at");
        assertThatThrownBy(() -> read(BillingImport.Source.CSV, CSV.replace("week,2", "fortnight,1"),
                BillingImport.Options.defaults())).isInstanceOf(InvalidImportException.class)
                .hasMessageContaining("line 4: interval \"fortnight\" is not day, week, month or year");
    }

    @Test
    void chargebeesApiListWithPlansAddOnsChargesAndDiscounts() throws IOException {
        String list = """
                {"list": [
                  {"subscription": {"id": "sub_cb1", "customer_id": "cb_cust", "status": "active",
                    "currency_code": "USD", "started_at": 1704067200, "billing_period": 1,
                    "billing_period_unit": "month",
                    "subscription_items": [
                      {"item_price_id": "pro-USD-Monthly", "item_type": "plan", "quantity": 2, "unit_price": 5000,
                       "amount": 10000},
                      {"item_price_id": "extra-USD-Yearly", "item_type": "addon", "quantity": 1, "amount": 12000,
                       "billing_period": 1, "billing_period_unit": "year"},
                      {"item_price_id": "setup", "item_type": "charge", "amount": 30000}],
                    "discounts": [{"id": "d1", "percentage": 10, "duration_type": "limited_period", "period": 2,
                                   "period_unit": "month", "created_at": 1704067200}]},
                   "customer": {"id": "cb_cust"}},
                  {"subscription": {"id": "sub_cb2", "customer_id": "cb_gone", "status": "cancelled",
                    "currency_code": "USD", "started_at": 1704067200, "cancelled_at": 1709251200,
                    "plan_id": "basic", "plan_unit_price": 2000, "plan_quantity": 1, "billing_period": 1,
                    "billing_period_unit": "month"}}],
                 "next_offset": null}
                """;
        BillingImport billing = read(BillingImport.Source.CHARGEBEE, list,
                new BillingImport.Options(null, null, null, "2024-04"));

        Map<String, Map<YearMonth, BigDecimal>> ledger = StripeImportTest.ledger(billing);
        // $100 + $120 / 12 = $110, less 10% for the first two months.
        assertThat(ledger.get("cb_cust")).containsEntry(YearMonth.of(2024, 1), new BigDecimal("99.00"))
                .containsEntry(YearMonth.of(2024, 3), new BigDecimal("110.00"));
        // Cancelled on 1 March: January and February.
        assertThat(ledger.get("cb_gone")).containsOnlyKeys(YearMonth.of(2024, 1), YearMonth.of(2024, 2));
        assertThat(billing.notes()).anySatisfy(note -> assertThat(note).contains("one-off charges"));
    }

    @Test
    void chargebeesSubscriptionsCsvExport() throws IOException {
        String csv = """
                subscriptions.id,subscriptions.customer_id,subscriptions.status,subscriptions.plan_unit_price,subscriptions.plan_quantity,subscriptions.currency_code,subscriptions.billing_period,subscriptions.billing_period_unit,subscriptions.started_at,subscriptions.cancelled_at,subscriptions.trial_end
                s1,c1,active,29.00,2,USD,1,month,2024-01-10,,
                s2,c2,active,300.00,1,USD,1,year,2024-01-10,,
                """;
        BillingImport billing = read(BillingImport.Source.CHARGEBEE, csv,
                new BillingImport.Options(null, null, null, "2024-02"));

        assertThat(StripeImportTest.ledger(billing)).containsEntry("c1", Map.of(YearMonth.of(2024, 1),
                new BigDecimal("58.00"), YearMonth.of(2024, 2), new BigDecimal("58.00")))
                .containsEntry("c2", Map.of(YearMonth.of(2024, 1), new BigDecimal("25.00"),
                        YearMonth.of(2024, 2), new BigDecimal("25.00")));
    }

    @Test
    void severalCurrenciesNeedTheReportingOneAndARateEach() {
        String two = CSV.replace("cus_3,sub_3,1500,USD", "cus_3,sub_3,1500,GBP");
        assertThatThrownBy(() -> read(BillingImport.Source.CSV, two, BillingImport.Options.defaults()))
                .hasMessageContaining("the subscriptions are in EUR, GBP, USD: name the reporting currency");
        assertThatThrownBy(() -> read(BillingImport.Source.CSV, two, new BillingImport.Options("USD",
                new StringReader("currency,rate\nEUR,1.1\n"), null, null)))
                .hasMessageContaining("no exchange rate into USD for GBP in the rates file");
        assertThatThrownBy(() -> read(BillingImport.Source.CSV, two, new BillingImport.Options("USD",
                new StringReader("currency,rate\nEUR,abc\n"), null, null)))
                .hasMessageContaining("rates line 2");
    }

    /** At each month's rate, the euro's moves are the ledger's fx column and the bridge's own line. */
    @Test
    void atEachMonthsRateWhatTheRatesMoveIsApartFromExpansion() throws IOException {
        String csv = """
                customer_id,plan_amount,currency,interval,started_at
                berlin,10000,EUR,month,2024-01-01
                boston,5000,USD,month,2024-01-01
                """;
        String rates = "currency,month,rate\nEUR,2024-01,1.08\nEUR,2024-02,1.10\nEUR,2024-03,1.05\n";
        BillingImport billing = read(BillingImport.Source.CSV, csv, new BillingImport.Options("USD",
                new StringReader(rates), null, "2024-03", true));

        java.io.StringWriter ledger = new java.io.StringWriter();
        billing.writeLedger(ledger);
        assertThat(ledger.toString()).startsWith("customer_id,month,mrr,currency,fx\n")
                .contains("berlin,2024-01,108.00,USD,0.00\n", "berlin,2024-02,110.00,USD,2.00\n",
                        "berlin,2024-03,105.00,USD,-5.00\n", "boston,2024-03,50.00,USD,0.00\n");
        var march = billing.snapshot("Rates", null).figures().mrr();
        assertThat(march.expansion()).isZero();
        assertThat(march.contraction()).isZero();
        assertThat(march.fx()).isEqualTo(-5.0);
        // At one rate (the newest, 1.05), the same company has no fx column and the same MRR every month.
        BillingImport fixed = read(BillingImport.Source.CSV, csv, new BillingImport.Options("USD",
                new StringReader(rates), null, "2024-03"));
        assertThat(StripeImportTest.ledger(fixed).get("berlin")).containsValues(new BigDecimal("105.00"))
                .hasSize(3).doesNotContainValue(new BigDecimal("108.00"));
    }

    @Test
    void atEachMonthsRateARateIsNeededFromTheFirstMonth() {
        assertThatThrownBy(() -> read(BillingImport.Source.CSV, CSV, new BillingImport.Options("USD",
                new StringReader("currency,month,rate\nEUR,2024-03,1.1\n"), null, "2024-06", true)))
                .hasMessageContaining("no rate for EUR in 2024-01 or before");
    }

    @Test
    void aDroppedFileIsRecognizedByItsFirstLines() {
        assertThat(Recognized.source("{\"object\": \"list\", \"data\": [")).contains(BillingImport.Source.STRIPE);
        assertThat(Recognized.source("{\"id\":\"sub_1\",\"object\":\"subscription\"}\n"))
                .contains(BillingImport.Source.STRIPE);
        assertThat(Recognized.source("{\"list\": [{\"subscription\": {\"id\": \"x\"")).contains(
                BillingImport.Source.CHARGEBEE);
        assertThat(Recognized.source("subscriptions.id,subscriptions.customer_id\n"))
                .contains(BillingImport.Source.CHARGEBEE);
        assertThat(Recognized.source(CSV)).contains(BillingImport.Source.CSV);
        assertThat(Recognized.source("customer_id,month,mrr\nc,2024-01,5\n")).isEmpty();
        assertThat(Recognized.source("{\"company\": \"Acme\", \"period\": \"2024-06\"}")).isEmpty();
    }

    private static BillingImport read(BillingImport.Source source, String text, BillingImport.Options options) {
        return BillingImport.read(source, List.of(new BillingImport.Input("export", new StringReader(text))), options);
    }
}
