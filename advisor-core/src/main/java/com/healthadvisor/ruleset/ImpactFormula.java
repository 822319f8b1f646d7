package com.healthadvisor.ruleset;

import com.healthadvisor.catalog.MetricCatalog;

import java.util.Set;
import java.util.TreeSet;

/**
 * The annual revenue at stake of a diagnosis, as an analyst writes it in the wording file:
 * arithmetic ({@code + - * /}, parentheses, numbers) over metric codes of the finding's scope,
 * e.g. {@code churned_mrr * 12} or {@code refunds * periods_per_year}. A missing metric makes
 * the impact unknown rather than zero.
 */
public final class ImpactFormula {

    private sealed interface Node permits Num, Var, Op {
    }

    private record Num(double value) implements Node {
    }

    private record Var(String code) implements Node {
    }

    private record Op(char operator, Node left, Node right) implements Node {
    }

    /** A name besides metric codes: 12, 4 or 1, to annualise a per-period amount. */
    public static final String PERIODS_PER_YEAR = "periods_per_year";
    /**
     * A name besides metric codes: the edge of the band the finding's first evidence is in, on the side of the
     * better bands (crisis churn above 5%: 0.05; NRR below 90%: 0.90), so that an impact measured to it follows
     * a threshold an analyst moves in benchmarks.csv.
     */
    public static final String EDGE = "edge";
    /** {@link #EDGE} as a monthly-equivalent rate when the evidence is an annual-equivalent one, else the same. */
    public static final String EDGE_MONTHLY = "edge_monthly";
    private static final Set<String> NAMES = Set.of(PERIODS_PER_YEAR, EDGE, EDGE_MONTHLY);

    private final String text;
    private final Node root;

    private ImpactFormula(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** Parses a formula; unknown metric codes and syntax errors are reported as IllegalArgumentException. */
    public static ImpactFormula parse(String text) {
        Parser parser = new Parser(text);
        Node root = parser.expression();
        parser.expectEnd();
        return new ImpactFormula(text, root);
    }

    public Set<String> metrics() {
        Set<String> codes = new TreeSet<>();
        collect(root, codes);
        codes.removeAll(NAMES);
        return codes;
    }

    /** The value over the given metrics, or null when one of them is missing or a division is by zero. */
    /** The value with metrics looked up one by one, so that no map of every metric need be built. */
    public Double evaluate(java.util.function.Function<String, Double> values) {
        Double value = evaluate(root, values);
        return value == null || !Double.isFinite(value) ? null : value;
    }

    private static Double evaluate(Node node, java.util.function.Function<String, Double> values) {
        if (node instanceof Num num) {
            return num.value();
        }
        if (node instanceof Var var) {
            return values.apply(var.code());
        }
        Op op = (Op) node;
        Double left = evaluate(op.left(), values);
        Double right = evaluate(op.right(), values);
        if (left == null || right == null) {
            return null;
        }
        return switch (op.operator()) {
            case '+' -> left + right;
            case '-' -> left - right;
            case '*' -> left * right;
            default -> right == 0 ? null : left / right;
        };
    }

    private static void collect(Node node, Set<String> codes) {
        if (node instanceof Var var) {
            codes.add(var.code());
        } else if (node instanceof Op op) {
            collect(op.left(), codes);
            collect(op.right(), codes);
        }
    }

    @Override
    public String toString() {
        return text;
    }

    /** Recursive descent: expression = term (('+'|'-') term)*; term = factor (('*'|'/') factor)*. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node expression() {
            Node left = term();
            while (peek() == '+' || peek() == '-') {
                char operator = text.charAt(at++);
                left = new Op(operator, left, term());
            }
            return left;
        }

        private Node term() {
            Node left = factor();
            while (peek() == '*' || peek() == '/') {
                char operator = text.charAt(at++);
                left = new Op(operator, left, factor());
            }
            return left;
        }

        private Node factor() {
            char next = peek();
            if (next == '(') {
                at++;
                Node inner = expression();
                if (peek() != ')') {
                    throw error("a closing parenthesis");
                }
                at++;
                return inner;
            }
            if (Character.isDigit(next) || next == '.') {
                int start = at;
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                    at++;
                }
                return new Num(Double.parseDouble(text.substring(start, at)));
            }
            if (Character.isLetter(next)) {
                int start = at;
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                    at++;
                }
                String code = text.substring(start, at);
                if (!MetricCatalog.isKnown(code) && !NAMES.contains(code)) {
                    throw new IllegalArgumentException("impact formula names unknown metric \"" + code
                            + "\"; did you mean \"" + MetricCatalog.nearest(code) + "\"?");
                }
                return new Var(code);
            }
            throw error("a number, a metric code or (");
        }

        void expectEnd() {
            if (peek() != 0) {
                throw error("an operator (+ - * /)");
            }
        }

        private char peek() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            return at < text.length() ? text.charAt(at) : 0;
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("impact formula \"" + text + "\": expected " + expected
                    + " at position " + (at + 1));
        }
    }
}
