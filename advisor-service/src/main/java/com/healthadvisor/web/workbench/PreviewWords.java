package com.healthadvisor.web.workbench;

import com.healthadvisor.live.Preview;
import com.healthadvisor.live.StoredPeriods;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A preview said as an analyst reads it: each finding that would appear or disappear by its title, for how many
 * fixtures and which companies ("Customer concentration would disappear for 2 fixtures and 1 company: acme
 * concerning → healthy."), then the verdicts that would move. The API's summary keeps the codes.
 */
final class PreviewWords {

    private PreviewWords() {
    }

    /** The sentences, findings that disappear first; {@code title} gives a code's title. */
    static List<String> of(Preview preview, Function<String, String> title) {
        List<StoredPeriods.Move> companies = preview.companies() == null ? List.of() : preview.companies().moved();
        List<String> lines = new ArrayList<>();
        lines.addAll(findings(preview, companies, title, "disappear", Preview.Move::disappeared,
                StoredPeriods.Move::disappeared));
        lines.addAll(findings(preview, companies, title, "appear", Preview.Move::appeared,
                StoredPeriods.Move::appeared));
        Map<String, Integer> verdicts = new TreeMap<>();
        for (Preview.Move move : preview.moved()) {
            if (!move.before().health().equals(move.after().health())) {
                verdicts.merge(move.before().health() + " to " + move.after().health(), 1, Integer::sum);
            }
        }
        verdicts.forEach((change, count) -> lines.add("The verdict would go from " + change + " for "
                + count(count, "fixture") + "."));
        for (StoredPeriods.Move move : companies) {
            if (!move.healthBefore().equals(move.healthAfter())) {
                lines.add("The verdict of " + move.company() + " (" + move.period() + ") would go from "
                        + move.healthBefore() + " to " + move.healthAfter() + ".");
            }
        }
        return List.copyOf(lines);
    }

    private static List<String> findings(Preview preview, List<StoredPeriods.Move> companies,
                                         Function<String, String> title, String verb,
                                         Function<Preview.Move, List<String>> fixtureCodes,
                                         Function<StoredPeriods.Move, List<String>> companyCodes) {
        Map<String, Integer> fixtures = new TreeMap<>();
        preview.moved().forEach(move -> fixtureCodes.apply(move).forEach(code -> fixtures.merge(code, 1, Integer::sum)));
        Map<String, List<String>> named = new TreeMap<>();
        companies.forEach(move -> companyCodes.apply(move).forEach(code -> named.computeIfAbsent(code,
                c -> new ArrayList<>()).add(move.company() + " " + move.healthBefore() + " → " + move.healthAfter())));
        TreeSet<String> codes = new TreeSet<>(fixtures.keySet());
        codes.addAll(named.keySet());
        List<String> lines = new ArrayList<>();
        for (String code : codes) {
            int fixtureCount = fixtures.getOrDefault(code, 0);
            List<String> where = named.getOrDefault(code, List.of());
            List<String> counts = new ArrayList<>();
            if (fixtureCount > 0) {
                counts.add(count(fixtureCount, "fixture"));
            }
            if (!where.isEmpty()) {
                counts.add(count(where.size(), "company"));
            }
            lines.add(title.apply(code) + " would " + verb + " for " + String.join(" and ", counts)
                    + (where.isEmpty() ? "." : ": " + String.join(", ", where) + "."));
        }
        return lines;
    }

    private static String count(int count, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return count + " " + (count == 1 ? noun : plural);
    }
}
