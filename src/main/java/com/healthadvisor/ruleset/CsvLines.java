package com.healthadvisor.ruleset;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a small CSV data file, each with its line number: blank lines and lines starting with
 * {@code #} are comments; fields may be quoted with double quotes (to hold a comma).
 */
final class CsvLines {

    record Row(int line, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index).trim() : "";
        }
    }

    private CsvLines() {
    }

    static List<Row> read(String content) {
        List<Row> rows = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            rows.add(new Row(i + 1, split(line)));
        }
        return rows;
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
