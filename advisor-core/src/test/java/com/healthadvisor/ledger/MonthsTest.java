package com.healthadvisor.ledger;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Months are read and written by hand: held here to what the regular expression and String.format said. */
class MonthsTest {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    private static int byPattern(String text) {
        var matcher = MONTH.matcher(text);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) * 12 + Integer.parseInt(matcher.group(2)) - 1 : -1;
    }

    @Test
    void everyMonthOfFourDigitYearsIsWrittenAndReadBack() {
        for (int month = 0; month < 10_000 * 12; month++) {
            String text = Months.format(month);
            assertThat(text).isEqualTo(String.format("%04d-%02d", month / 12, month % 12 + 1));
            assertThat(Months.parse(text)).isEqualTo(month);
        }
    }

    @Test
    void whatIsNotAMonthIsRefusedAsThePatternRefusedIt() {
        for (String text : new String[] {"", "2024-1", "2024-00", "2024-13", "2024/01", "20a4-01", "2024-0a",
                "２０２４-01", "-024-01", "2024-01 ", " 2024-01", "2024--1", "99999-01", "2024-19", "2024-20"}) {
            assertThat(Months.parse(text)).as(text).isEqualTo(byPattern(text)).isEqualTo(-1);
        }
        Random random = new Random(7);
        String alphabet = "0123456789-/ a１";
        for (int i = 0; i < 200_000; i++) {
            char[] chars = new char[7];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            if (random.nextBoolean()) {
                chars[4] = '-';
            }
            String text = new String(chars);
            assertThat(Months.parse(text)).as(text).isEqualTo(byPattern(text));
        }
    }
}
