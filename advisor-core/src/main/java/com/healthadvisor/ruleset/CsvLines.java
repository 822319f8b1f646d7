package com.healthadvisor.ruleset;

import com.healthadvisor.RuleProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a small CSV data file, each with its line number: blank lines and lines starting with
 * {@code #} are comments; fields may be quoted with double quotes (to hold a comma), as Jackson's CSV
 * parser reads them. A line the parser refuses is a problem at that line, and is left out.
 */
public final class CsvLines {

    /** Without a schema, Jackson's CSV parser gives a record as an array of its fields. */
    private static final ObjectReader ROW = CsvMapper.builder().build().readerFor(String[].class);

    public record Row(int line, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index).trim() : "";
        }
    }

    private CsvLines() {
    }

    public static List<Row> read(RuleFile file, List<RuleProblem> problems) {
        List<Row> rows = new ArrayList<>();
        String[] lines = file.content().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            try {
                rows.add(new Row(i + 1, List.of(ROW.<String[]>readValue(line))));
            } catch (JacksonException e) {
                problems.add(new RuleProblem(file.name(), i + 1, "not a CSV line: " + e.getOriginalMessage()
                        + "; a value that holds a comma or a quote goes in double quotes, a quote in it doubled"));
            }
        }
        return rows;
    }
}
