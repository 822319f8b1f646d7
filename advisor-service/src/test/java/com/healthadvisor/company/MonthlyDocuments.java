package com.healthadvisor.company;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Monthly snapshot documents of one made-up company, each without history: customers and MRR bridges that add up
 * and follow on from each other, with the logo churn of each month given.
 */
final class MonthlyDocuments {

    private MonthlyDocuments() {
    }

    /** One document per churn rate, from January 2024 on; MRR per customer is 500, 30 customers won a month. */
    static List<String> withChurn(double... churnRates) {
        List<String> documents = new ArrayList<>();
        for (Month month : months(churnRates)) {
            documents.add("{" + month.body() + "}");
        }
        return documents;
    }

    /** The last month's document carrying all the months before it as history, oldest first. */
    static String lastWithHistory(double... churnRates) {
        List<Month> months = months(churnRates);
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < months.size() - 1; i++) {
            history.append(i == 0 ? "" : ",").append("{").append(months.get(i).body()).append("}");
        }
        return "{" + months.get(months.size() - 1).body() + ",\"history\":[" + history + "]}";
    }

    /** Expansion is 2% of starting MRR; a churned customer takes the average MRR with them. */
    record Month(String period, long starting, long won, long churned, long ending, long mrrStarting) {

        long expansion() {
            return mrrStarting / 50;
        }

        long churnedMrr() {
            return Math.round((double) churned * mrrStarting / starting);
        }

        long mrrEnding() {
            return mrrStarting + won * 500 + expansion() - churnedMrr();
        }

        String body() {
            return String.format(Locale.ROOT, "\"period\":\"%s\",\"customers\":{\"starting\":%d,\"new\":%d,"
                            + "\"churned\":%d,\"ending\":%d},\"mrr\":{\"starting\":%d,\"new\":%d,\"expansion\":%d,"
                            + "\"contraction\":0,\"churned\":%d,\"ending\":%d}",
                    period, starting, won, churned, ending, mrrStarting, won * 500, expansion(), churnedMrr(),
                    mrrEnding());
        }
    }

    static List<Month> months(double... churnRates) {
        List<Month> months = new ArrayList<>();
        long customers = 1000;
        long mrr = 500_000;
        for (int i = 0; i < churnRates.length; i++) {
            long churned = Math.round(customers * churnRates[i]);
            Month month = new Month(period(i), customers, 30, churned, customers + 30 - churned, mrr);
            months.add(month);
            customers = month.ending();
            mrr = month.mrrEnding();
        }
        return months;
    }

    static String period(int index) {
        return String.format(Locale.ROOT, "%d-%02d", 2024 + index / 12, index % 12 + 1);
    }
}
