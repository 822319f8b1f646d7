package com.healthadvisor.imports;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/** Amounts as billing systems write them: in the currency's smallest unit (cents), read as major units (dollars). */
final class Money {

    /**
     * Currencies Stripe bills in whole units (its documented zero-decimal list), whatever ISO 4217 says of their
     * minor unit: an amount of 1000 in JPY is ¥1,000.
     */
    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF", "ISK");

    private Money() {
    }

    /** An amount in the currency's smallest unit, in major units. */
    static BigDecimal fromMinor(BigDecimal minor, String currency) {
        return minor.movePointLeft(decimals(currency));
    }

    static int decimals(String currency) {
        if (ZERO_DECIMAL.contains(currency)) {
            return 0;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /** A currency code as the reporting side writes it: upper case, three letters; null when it is not one. */
    static String code(String text) {
        if (text == null) {
            return null;
        }
        String code = text.trim().toUpperCase(Locale.ROOT);
        return isCode(code) ? code : null;
    }

    /** Three letters A to Z: checked by hand, being asked of every amount of an export (a pattern each time cost). */
    private static boolean isCode(String code) {
        if (code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (code.charAt(i) < 'A' || code.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }
}
