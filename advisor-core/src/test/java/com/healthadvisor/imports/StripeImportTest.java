package com.healthadvisor.imports;

import com.healthadvisor.InvalidImportException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripeImportTest {

    private static final String RATES = "currency,rate\nEUR,1.08\nGBP,1.27\n";

    @Test
    void aGeneratedCompanyGivesEveryCustomerTheMrrOfTheRulesToTheCent() throws IOException {
        GeneratedStripeCompany company = new GeneratedStripeCompany(3_000, 7);

        BillingImport billing = BillingImport.read(BillingImport.Source.STRIPE,
                List.of(new BillingImport.Input("generated.jsonl", new StringReader(company.jsonLines()))),
                new BillingImport.Options("USD", new StringReader(RATES), null, null));

        assertThat(billing.firstMonth()).isEqualTo("2023-01");
        assertThat(billing.lastMonth()).isEqualTo("2025-12");
        Map<String, Map<YearMonth, BigDecimal>> ledger = ledger(billing);
        Map<String, Map<YearMonth, BigDecimal>> expected = company.expected();
        assertThat(ledger.keySet()).isEqualTo(expected.keySet());
        expected.forEach((customer, months) -> assertThat(ledger.get(customer))
                .as("%s, whose terms are %s", customer, company.terms.stream()
                        .filter(terms -> terms.customer().equals(customer)).toList())
                .isEqualTo(months));
        assertThat(billing.notes()).anySatisfy(note -> assertThat(note).contains("one-off (once) coupons"));
    }

    @Test
    void stripesPublishedFixturesReadAsTheyAre() throws IOException {
        Path resources = Path.of("advisor-core/src/test/resources/imports/stripe");
        BillingImport billing = BillingImport.read(BillingImport.Source.STRIPE, List.of(
                new BillingImport.Input("fixture-subscription.json",
                        new StringReader(Files.readString(resources.resolve("fixture-subscription.json")))),
                new BillingImport.Input("fixture-invoice.json",
                        new StringReader(Files.readString(resources.resolve("fixture-invoice.json"))))),
                BillingImport.Options.defaults());

        assertThat(billing.subscriptions()).isEqualTo(1);
        assertThat(billing.currency()).isEqualTo("USD");
        // Its placeholder dates end it the second it starts: it never pays at a month-end.
        assertThat(ledger(billing)).isEmpty();
    }

    @Test
    void aMeteredPriceIsWhatItsInvoicesBillForTheMonth() throws IOException {
        String subscription = """
                {"id": "sub_m", "object": "subscription", "customer": "cus_m", "currency": "usd", "status": "active",
                 "start_date": 1704067200,
                 "items": {"data": [
                   {"id": "si_seat", "quantity": 3, "price": {"id": "price_seat", "unit_amount": 1000,
                    "recurring": {"interval": "month", "interval_count": 1, "usage_type": "licensed"}}},
                   {"id": "si_api", "price": {"id": "price_api", "recurring": {"interval": "month",
                    "interval_count": 1, "usage_type": "metered"}}}]}}
                {"id": "in_1", "object": "invoice", "currency": "usd", "created": 1709251200,
                 "lines": {"data": [{"amount": 4250, "subscription_item": "si_api",
                                     "period": {"start": 1706745600, "end": 1709251200}}]}}
                """;
        BillingImport billing = BillingImport.read(BillingImport.Source.STRIPE,
                List.of(new BillingImport.Input("metered.jsonl", new StringReader(subscription))),
                BillingImport.Options.defaults());

        assertThat(ledger(billing).get("cus_m")).containsExactly(
                Map.entry(YearMonth.of(2024, 1), new BigDecimal("30.00")),
                Map.entry(YearMonth.of(2024, 2), new BigDecimal("72.50")),
                Map.entry(YearMonth.of(2024, 3), new BigDecimal("30.00")));
    }

    /**
     * An upgrade on 10 March from $100 to $200 a month: the subscription carries only today's price; its invoices
     * say what each month was billed. The proration of the change is left to the next full period's line.
     */
    @Test
    void invoicesGiveALicensedPriceItsPast() throws IOException {
        String export = """
                {"id": "sub_u", "object": "subscription", "customer": "cus_u", "currency": "usd", "status": "active",
                 "start_date": 1704067200,
                 "items": {"data": [{"id": "si_u", "quantity": 1, "price": {"id": "price_200", "unit_amount": 20000,
                   "recurring": {"interval": "month", "interval_count": 1}}}]}}
                {"id": "in_jan", "object": "invoice", "currency": "usd", "created": 1704067200, "lines": {"data": [
                  {"amount": 10000, "parent": {"subscription_item_details": {"subscription_item": "si_u",
                   "proration": false}}, "period": {"start": 1704067200, "end": 1706745600}}]}}
                {"id": "in_feb", "object": "invoice", "currency": "usd", "created": 1706745600, "lines": {"data": [
                  {"amount": 10000, "subscription_item": "si_u", "proration": false,
                   "price": {"recurring": {"interval": "month", "interval_count": 1}},
                   "period": {"start": 1706745600, "end": 1709251200}}]}}
                {"id": "in_mar", "object": "invoice", "currency": "usd", "created": 1709251200, "lines": {"data": [
                  {"amount": 10000, "subscription_item": "si_u", "period": {"start": 1709251200, "end": 1711929600}},
                  {"amount": 7097, "subscription_item": "si_u", "proration": true,
                   "period": {"start": 1710028800, "end": 1711929600}}]}}
                {"id": "in_apr", "object": "invoice", "currency": "usd", "created": 1711929600, "lines": {"data": [
                  {"amount": 20000, "subscription_item": "si_u", "period": {"start": 1711929600, "end": 1714521600}}]}}
                """;
        BillingImport billing = BillingImport.read(BillingImport.Source.STRIPE,
                List.of(new BillingImport.Input("upgrade.jsonl", new StringReader(export))),
                new BillingImport.Options(null, null, null, "2024-05"));

        assertThat(ledger(billing).get("cus_u")).containsExactly(
                Map.entry(YearMonth.of(2024, 1), new BigDecimal("100.00")),
                Map.entry(YearMonth.of(2024, 2), new BigDecimal("100.00")),
                Map.entry(YearMonth.of(2024, 3), new BigDecimal("100.00")),
                Map.entry(YearMonth.of(2024, 4), new BigDecimal("200.00")),
                // No invoice for May in the export: today's price.
                Map.entry(YearMonth.of(2024, 5), new BigDecimal("200.00")));
    }

    /** An older API version's cancellation at the period's end: paying until that end, not after. */
    @Test
    void aCancellationAtThePeriodsEndCountsUntilThen() throws IOException {
        String sub = """
                {"id": "sub_c", "object": "subscription", "customer": "cus_c", "currency": "usd", "status": "active",
                 "start_date": 1704067200, "cancel_at_period_end": true, "current_period_start": 1709251200,
                 "current_period_end": 1711929600,
                 "items": {"data": [{"id": "si_c", "price": {"unit_amount": 5000, "recurring": {"interval": "month"}}}]}}
                """;
        BillingImport billing = BillingImport.read(BillingImport.Source.STRIPE,
                List.of(new BillingImport.Input("cancel.json", new StringReader(sub))),
                new BillingImport.Options(null, null, null, "2024-05"));

        assertThat(ledger(billing).get("cus_c")).containsOnlyKeys(YearMonth.of(2024, 1), YearMonth.of(2024, 2),
                YearMonth.of(2024, 3));
    }

    @Test
    void aListObjectAndTieredPricesAreRead() throws IOException {
        String list = """
                {"object": "list", "has_more": false, "data": [
                  {"id": "sub_t", "object": "subscription", "customer": {"id": "cus_t"}, "currency": "usd",
                   "status": "active", "start_date": 1704067200, "current_period_start": 1706745600,
                   "items": {"data": [{"id": "si_t", "quantity": 15, "price": {"id": "price_t",
                     "billing_scheme": "tiered", "tiers_mode": "graduated",
                     "tiers": [{"up_to": 10, "unit_amount": 1000}, {"up_to": null, "unit_amount": 500,
                                "flat_amount": 200}],
                     "recurring": {"interval": "year", "interval_count": 1}}}]}}]}
                """;
        BillingImport billing = BillingImport.read(BillingImport.Source.STRIPE,
                List.of(new BillingImport.Input("list.json", new StringReader(list))),
                BillingImport.Options.defaults());

        // 10 × $10 + 5 × $5 + $2 a year = $127 / 12.
        assertThat(ledger(billing).get("cus_t")).containsEntry(YearMonth.of(2024, 1), new BigDecimal("10.58"));
    }

    @Nested
    class BadInputIsRefusedNamingTheObject {

        @Test
        void aSubscriptionWithoutCustomer() {
            assertThatThrownBy(() -> read("{\"id\": \"sub_x\", \"object\": \"subscription\", \"currency\": \"usd\"}"))
                    .isInstanceOf(InvalidImportException.class).hasMessageContaining("sub_x")
                    .hasMessageContaining("no customer");
        }

        @Test
        void textThatIsNotJson() {
            assertThatThrownBy(() -> read("{\"id\": \"sub_x\",\n oops"))
                    .isInstanceOf(InvalidImportException.class).hasMessageContaining("line 2");
        }

        @Test
        void aCurrencyWithoutARate() {
            String two = sub("sub_a", "usd") + "\n" + sub("sub_b", "eur");
            assertThatThrownBy(() -> BillingImport.read(BillingImport.Source.STRIPE,
                    List.of(new BillingImport.Input("two.jsonl", new StringReader(two))),
                    new BillingImport.Options("USD", null, null, null)))
                    .isInstanceOf(InvalidImportException.class).hasMessageContaining("no exchange rate into USD for EUR");
        }

        @Test
        void aSubscriptionThatListsOnlySomeOfItsItems() {
            String truncated = sub("sub_many", "usd").replace("\"items\": {", "\"items\": {\"has_more\": true, ");
            assertThatThrownBy(() -> read(truncated)).isInstanceOf(InvalidImportException.class)
                    .hasMessageContaining("sub_many").hasMessageContaining("lists only 1 of its items (has_more)");
        }

        @Test
        void anObjectThatIsNoSubscription() {
            assertThatThrownBy(() -> read("{\"id\": \"cus_1\", \"object\": \"customer\"}"))
                    .isInstanceOf(InvalidImportException.class).hasMessageContaining("customer (cus_1)");
        }

        private static String sub(String id, String currency) {
            return "{\"id\": \"" + id + "\", \"object\": \"subscription\", \"customer\": \"c\", \"currency\": \""
                    + currency + "\", \"status\": \"active\", \"start_date\": 1704067200, \"items\": {\"data\": "
                    + "[{\"id\": \"si\", \"price\": {\"unit_amount\": 100, \"recurring\": {\"interval\": \"month\"}}}]}}";
        }

        private static void read(String json) {
            BillingImport.read(BillingImport.Source.STRIPE, List.of(new BillingImport.Input("bad.json",
                    new StringReader(json))), BillingImport.Options.defaults());
        }
    }

    static Map<String, Map<YearMonth, BigDecimal>> ledger(BillingImport billing) throws IOException {
        StringWriter out = new StringWriter();
        billing.writeLedger(out);
        Map<String, Map<YearMonth, BigDecimal>> ledger = new TreeMap<>();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("customer_id,month,mrr,currency");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            ledger.computeIfAbsent(cells[0], c -> new TreeMap<>()).put(YearMonth.parse(cells[1]),
                    new BigDecimal(cells[2]));
        }
        return ledger;
    }
}
