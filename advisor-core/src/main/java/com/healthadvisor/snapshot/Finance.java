package com.healthadvisor.snapshot;

/**
 * What the books say about one period beyond revenue, from which the unit economics are computed rather than
 * believed; any component may be absent (null).
 *
 * @param salesMarketingSpend sales and marketing spend over the period, in the snapshot currency
 * @param netBurn             cash burned over the period (negative when the company generated cash)
 * @param cash                cash at the end of the period
 * @param grossMargin         gross margin as a fraction (0.75 for 75%)
 * @param operatingMargin     operating margin as a fraction (negative while losing money)
 */
public record Finance(Double salesMarketingSpend, Double netBurn, Double cash, Double grossMargin,
                      Double operatingMargin) {
}
