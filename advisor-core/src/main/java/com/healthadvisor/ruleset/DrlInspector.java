package com.healthadvisor.ruleset;

import com.healthadvisor.RuleProblem;
import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.facts.Finding;
import com.healthadvisor.facts.Severity;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a DRL file before it is compiled: its rules in order, the diagnosis codes and severities they
 * emit, the notes they attach, and the limits, metrics and bands their conditions name, so that a
 * typo is reported as {@code file:line} instead of a rule that silently never fires.
 */
final class DrlInspector {

    /**
     * What one DRL file declares.
     *
     * @param metricCodes the metric codes the file's conditions name; null when some Metric pattern names
     *                    none (it may match any metric), so that every metric fact must be inserted
     * @param limitNames  the limits the conditions name; null when some Limit pattern does not start with
     *                    {@code name == "..."}, so that every limit must be inserted
     */
    record Inspection(List<Declared> rules, List<Emission> emissions, Set<String> notes, boolean safe,
                      Set<String> metricCodes, Set<String> limitNames) {
    }

    /** A rule the file declares, by name, at the line of its {@code rule} keyword. */
    record Declared(String name, int line) {
    }

    /** What the conditions name: metric codes and limits, each null when a pattern may match any. */
    private record Named(Set<String> metricCodes, Set<String> limitNames) {
    }

    /** A diagnosis code a rule inserts, at the line of its consequence. */
    record Emission(String code, String severity, String rule, int line) {
    }

    private static final Pattern EMITS = Pattern.compile("Finding\\.of\\(\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"");
    private static final Pattern NOTE = Pattern.compile("\\.note\\(\\s*\"([a-z0-9_]+)\"");
    private static final Pattern LIMIT = Pattern.compile("Limit\\(\\s*name\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern LIMIT_VALUE = Pattern.compile("\\blimits\\s*\\.\\s*value\\(\\s*\"([^\"]*)\"");
    private static final Pattern ANY_LIMIT = Pattern.compile("\\bLimit\\(");
    private static final Pattern METRIC = Pattern.compile("\\bMetric\\(");
    private static final Pattern CODE = Pattern.compile("\\bcode\\s*(?:==\\s*\"([^\"]*)\"|in\\s*\\(([^)]*)\\))");
    private static final Pattern BAND = Pattern.compile("\\bband\\s*(?:==|!=)\\s*\"([^\"]*)\"|\\bband\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
    /** The notes {@code Finding.basedOn} attaches. */
    private static final Set<String> BASED_ON_NOTES = Set.of("flags", "count");
    private static final Pattern BOUND_CODE = Pattern.compile("\\bcode\\s*==\\s*\\$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private DrlInspector() {
    }

    static Inspection inspect(RuleFile file, Benchmarks benchmarks, Limits limits, List<RuleProblem> problems) {
        RuleProblem tooDeep = Nesting.tooDeep(file);
        if (tooDeep != null) {
            problems.add(tooDeep);
            return new Inspection(List.of(), List.of(), Set.of(), false, Set.of(), Set.of());
        }
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(false, file.content());
        } catch (DroolsParserException e) {
            problems.add(new RuleProblem(file.name(), 0, e.getMessage()));
            return new Inspection(List.of(), List.of(), Set.of(), false, Set.of(), Set.of());
        }
        if (parser.hasErrors() || descr == null) {
            for (DroolsError error : parser.getErrors()) {
                int[] lines = error.getLines();
                problems.add(new RuleProblem(file.name(), lines.length > 0 ? lines[0] : 0, error.getMessage()));
            }
            return new Inspection(List.of(), List.of(), Set.of(), false, Set.of(), Set.of());
        }
        List<RuleProblem> unsafe = DrlAllowList.check(file.name(), descr, file.content());
        problems.addAll(unsafe);
        List<Emission> emissions = new ArrayList<>();
        Set<String> notes = new TreeSet<>();
        // Consequences come in file order, so the n-th Finding.of of the parsed rules is the n-th in the text.
        List<Integer> emissionLines = emissionLines(file.content());
        for (RuleDescr rule : descr.getRules()) {
            String consequence = String.valueOf(rule.getConsequence());
            Matcher emits = EMITS.matcher(consequence);
            while (emits.find()) {
                int line = emissions.size() < emissionLines.size()
                        ? emissionLines.get(emissions.size()) : rule.getConsequenceLine();
                emissions.add(new Emission(emits.group(1), emits.group(2), rule.getName(), line));
            }
            NOTE.matcher(consequence).results().forEach(note -> notes.add(note.group(1)));
            if (consequence.contains(".basedOn(")) {
                notes.addAll(BASED_ON_NOTES);
            }
        }
        checkEmissions(file, emissions, problems);
        Named named = checkConditions(file, benchmarks, limits, problems);
        List<Declared> declared = descr.getRules().stream().map(r -> new Declared(r.getName(), r.getLine())).toList();
        return new Inspection(declared, emissions, notes, unsafe.isEmpty(), named.metricCodes(),
                named.limitNames());
    }

    private static void checkEmissions(RuleFile file, List<Emission> emissions, List<RuleProblem> problems) {
        for (Emission emission : emissions) {
            if (!emission.code().matches("[A-Z][A-Z0-9_]*")) {
                problems.add(new RuleProblem(file.name(), emission.line(), "rule \"" + emission.rule()
                        + "\": diagnosis code must be UPPER_SNAKE_CASE (was \"" + emission.code() + "\")"));
            }
            if (Severity.of(emission.severity()) == null) {
                problems.add(new RuleProblem(file.name(), emission.line(), "rule \"" + emission.rule()
                        + "\": unknown severity \"" + emission.severity() + "\"; use one of "
                        + String.join(", ", Severity.WORDS)));
            }
        }
    }

    /**
     * Checks the text line by line: limits named, metric codes and bands in Metric(...) patterns.
     * Returns what the conditions name; metric codes are null when a pattern names no code and no bound
     * variable, limits when a Limit pattern names none.
     */
    private static Named checkConditions(RuleFile file, Benchmarks benchmarks, Limits limits,
                                         List<RuleProblem> problems) {
        Set<String> codes = new TreeSet<>();
        boolean anyCode = false;
        Set<String> limitNames = new TreeSet<>();
        boolean anyLimit = false;
        String[] lines = file.content().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("//.*$", "");
            int number = i + 1;
            List<String> limitsNamed = LIMIT.matcher(line).results().map(m -> m.group(1)).toList();
            Stream.concat(limitsNamed.stream(), LIMIT_VALUE.matcher(line).results().map(m -> m.group(1)))
                    .filter(name -> !limits.has(name))
                    .forEach(name -> problems.add(new RuleProblem(file.name(), number,
                            "unknown limit \"" + name + "\"; add it to " + Limits.FILE)));
            limitNames.addAll(limitsNamed);
            anyLimit |= ANY_LIMIT.matcher(line).results().count() > limitsNamed.size();
            Matcher metric = METRIC.matcher(line);
            while (metric.find()) {
                String pattern = balanced(line, metric.end());
                List<String> named = checkMetricPattern(file.name(), number, pattern, benchmarks, problems);
                codes.addAll(named);
                // "code == $other" ties a pattern to codes another pattern names; no code at all matches any metric.
                anyCode |= named.isEmpty() && !BOUND_CODE.matcher(pattern).find();
            }
        }
        return new Named(anyCode ? null : codes, anyLimit ? null : limitNames);
    }

    private static List<String> checkMetricPattern(String file, int line, String pattern, Benchmarks benchmarks,
                                                   List<RuleProblem> problems) {
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(pattern);
        if (code.find()) {
            codes.addAll(code.group(1) != null ? List.of(code.group(1)) : quoted(code.group(2)));
        }
        for (String name : codes) {
            if (!MetricCatalog.isKnown(name)) {
                problems.add(new RuleProblem(file, line, "unknown metric \"" + name + "\"; did you mean \""
                        + MetricCatalog.nearest(name) + "\"?"));
            }
        }
        Matcher band = BAND.matcher(pattern);
        while (band.find()) {
            List<String> bands = band.group(1) != null ? List.of(band.group(1)) : quoted(band.group(2));
            for (String name : bands) {
                boolean known = codes.isEmpty() ? benchmarks.hasBandAnywhere(name)
                        : codes.stream().anyMatch(c -> benchmarks.hasBand(c, name));
                if (!known) {
                    problems.add(new RuleProblem(file, line, "no band \"" + name + "\" for "
                            + (codes.isEmpty() ? "any metric" : String.join(" or ", codes)) + " in " + Benchmarks.FILE));
                }
            }
        }
        return codes;
    }

    private static List<Integer> emissionLines(String text) {
        List<Integer> lines = new ArrayList<>();
        String[] all = text.split("\r?\n", -1);
        for (int i = 0; i < all.length; i++) {
            Matcher emits = EMITS.matcher(all[i].replaceAll("//.*$", ""));
            while (emits.find()) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    private static List<String> quoted(String list) {
        return QUOTED.matcher(list).results().map(m -> m.group(1)).toList();
    }

    private static String balanced(String line, int from) {
        int depth = 1;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return line.substring(from, i);
            }
        }
        return line.substring(from);
    }
}
