package com.healthadvisor.imports;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A currency code is checked by hand; it answers as the pattern it replaced, on codes and on 200,000 random texts. */
class MoneyCodeTest {

    private static final String ALPHABET = "ABCXYZabcxyz019 -_\tßıİéÅ€$\u0130\u00df";

    @Test
    void answersAsThePatternDid() {
        Random random = new Random(7);
        for (String text : new String[] {"usd", " EUR ", "US", "USDX", "U$D", "", "   ", "straße"}) {
            assertThat(Money.code(text)).as(text).isEqualTo(byPattern(text));
        }
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(6); length > 0; length--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertThat(Money.code(text.toString())).as("\"%s\"", text).isEqualTo(byPattern(text.toString()));
        }
        assertThat(Money.code(null)).isNull();
    }

    private static String byPattern(String text) {
        String code = text.trim().toUpperCase(Locale.ROOT);
        return code.matches("[A-Z]{3}") ? code : null;
    }
}
