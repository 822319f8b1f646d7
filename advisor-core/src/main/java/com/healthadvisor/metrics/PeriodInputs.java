package com.healthadvisor.metrics;

import com.healthadvisor.snapshot.CustomerBridge;
import com.healthadvisor.snapshot.Figures;
import com.healthadvisor.snapshot.Finance;
import com.healthadvisor.snapshot.MrrBridge;
import com.healthadvisor.snapshot.Revenue;

/**
 * The snapshot fields the metric table reads, by the paths the table names them with ({@code mrr.starting}): an
 * absent section reads as absent fields.
 */
final class PeriodInputs {

    private static final MrrBridge NO_MRR = new MrrBridge(null, null, null, null, null, null, null);
    private static final CustomerBridge NO_CUSTOMERS = new CustomerBridge(null, null, null, null, null);
    private static final Revenue NO_REVENUE = new Revenue(null, null, null, null);
    private static final Finance NO_FINANCE = new Finance(null, null, null, null, null);

    private final MrrBridge mrr;
    private final CustomerBridge customers;
    private final Revenue revenue;
    private final Finance finance;
    private final Double users;

    PeriodInputs(Figures figures) {
        this.mrr = figures.mrr() == null ? NO_MRR : figures.mrr();
        this.customers = figures.customers() == null ? NO_CUSTOMERS : figures.customers();
        this.revenue = figures.revenue() == null ? NO_REVENUE : figures.revenue();
        this.finance = figures.finance() == null ? NO_FINANCE : figures.finance();
        this.users = figures.users();
    }

    /** The field at a path, or null when the snapshot leaves it out. */
    Double read(String path) {
        return switch (path) {
            case "mrr.starting" -> mrr.starting();
            case "mrr.new" -> mrr.newMrr();
            case "mrr.expansion" -> mrr.expansion();
            case "mrr.reactivation" -> mrr.reactivation();
            case "mrr.contraction" -> mrr.contraction();
            case "mrr.churned" -> mrr.churned();
            case "mrr.ending" -> mrr.ending();
            case "mrr.acquired" -> mrr.acquired();
            case "mrr.fx" -> mrr.fx();
            case "customers.starting" -> customers.starting();
            case "customers.new" -> customers.newCustomers();
            case "customers.reactivated" -> customers.reactivated();
            case "customers.churned" -> customers.churned();
            case "customers.ending" -> customers.ending();
            case "customers.acquired" -> customers.acquired();
            case "users" -> users;
            case "revenue.gross" -> revenue.gross();
            case "revenue.discounts" -> revenue.discounts();
            case "revenue.refunds" -> revenue.refunds();
            case "revenue.credits" -> revenue.credits();
            case "finance.sales_marketing_spend" -> finance.salesMarketingSpend();
            case "finance.net_burn" -> finance.netBurn();
            case "finance.cash" -> finance.cash();
            case "finance.gross_margin" -> finance.grossMargin();
            case "finance.operating_margin" -> finance.operatingMargin();
            default -> throw new IllegalArgumentException("the metric table reads '" + path
                    + "', which is no field of a snapshot's period");
        };
    }
}
