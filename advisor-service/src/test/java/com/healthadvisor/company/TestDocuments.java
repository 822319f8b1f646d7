package com.healthadvisor.company;

import java.util.List;

/** The monthly documents of the company tests, for the HTTP tests in another package. */
public final class TestDocuments {

    private TestDocuments() {
    }

    public static List<String> withChurn(double... churnRates) {
        return MonthlyDocuments.withChurn(churnRates);
    }

    public static String lastWithHistory(double... churnRates) {
        return MonthlyDocuments.lastWithHistory(churnRates);
    }
}
