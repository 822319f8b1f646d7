package com.healthadvisor.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The whole language a condition may use, as a small recursive-descent parser: fact fields, bound
 * variables and the value members of {@link FactTypes}, string, number, boolean and null literals,
 * comparisons, {@code in} and {@code not in} over literals, arithmetic, {@code &&}, {@code ||}, {@code !}
 * and parentheses, {@code limits.value("name")}, and one binding ({@code $name : field}) in front. Anything
 * else ({@code matches}, {@code contains}, other method calls with arguments, casts, indexing, inline maps,
 * MVEL's operators) is not in the grammar, so it is refused without having to be named.
 *
 * <pre>
 * constraint := [VAR ':'] or
 * or         := and ('||' and)*
 * and        := relation ('&amp;&amp;' relation)*
 * relation   := sum [ ('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') sum | ['not'] 'in' '(' literal (',' literal)* ')' ]
 * sum        := product (('+' | '-') product)*
 * product    := unary (('*' | '/') unary)*
 * unary      := ('-' | '!') unary | literal | '(' or ')' | limit | path
 * limit      := 'limits' '.' 'value' '(' STRING ')'
 * path       := (VAR | FIELD) ('.' MEMBER ['(' ')'])*
 * </pre>
 */
final class ConditionGrammar {

    /**
     * What a constraint is, once parsed.
     *
     * @param refusal   why it is refused, or null
     * @param binding   the variable it binds, or null
     * @param selective whether it picks facts by a literal ({@code field == "x"}, {@code field in (...)}), so
     *                  that its pattern cannot match every fact of its type
     */
    record Parsed(String refusal, String binding, boolean selective) {
    }

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final String ALLOWED = "a condition may use fact fields, bound variables, literals, "
            + "limits.value(\"name\"), comparisons, in, arithmetic, &&, || and !";

    private final List<String> tokens;
    /** The fields a bare name may be, or an empty set where only variables may start a path. */
    private final Set<String> fields;
    private int at;
    private boolean selective;

    private ConditionGrammar(List<String> tokens, Set<String> fields) {
        this.tokens = tokens;
        this.fields = fields;
    }

    /** Parses one constraint of a pattern whose type has {@code fields} (empty when only variables may be read). */
    static Parsed parse(String text, Set<String> fields) {
        List<String> tokens;
        try {
            tokens = DrlLexer.tokens(text);
        } catch (IllegalArgumentException e) {
            return new Parsed(e.getMessage(), null, false);
        }
        ConditionGrammar grammar = new ConditionGrammar(tokens, fields);
        try {
            String binding = grammar.constraint();
            return new Parsed(null, binding, grammar.selective);
        } catch (IllegalArgumentException e) {
            return new Parsed(e.getMessage(), null, false);
        }
    }

    /** A bound variable or a member chain on one, as accumulate functions take them. */
    static String refusalOfArgument(String text) {
        Parsed parsed = parse(text, Set.of());
        return parsed.refusal() != null || parsed.selective() ? "an accumulate function takes a bound variable "
                + "(was \"" + text.strip() + "\")" : null;
    }

    private String constraint() {
        String binding = null;
        if (tokens.size() >= 2 && isVariable(tokens.get(0)) && tokens.get(1).equals(":")) {
            binding = tokens.get(0);
            at = 2;
            if (peek() == null) {
                throw refused("a binding needs a field after the colon");
            }
        }
        or();
        if (peek() != null) {
            throw refused("\"" + peek() + "\" is not allowed here; " + ALLOWED);
        }
        return binding;
    }

    private void or() {
        and();
        while (accept("||")) {
            and();
        }
    }

    private void and() {
        relation();
        while (accept("&&")) {
            relation();
        }
    }

    private void relation() {
        int start = at;
        sum();
        boolean fieldOnLeft = at == start + 1 && fields.contains(tokens.get(start));
        if (peek() != null && COMPARISONS.contains(peek())) {
            String operator = next();
            boolean literal = isLiteral(peek()) && (at + 1 == tokens.size() || !isArithmetic(tokens.get(at + 1)));
            sum();
            selective |= fieldOnLeft && operator.equals("==") && literal && !"null".equals(tokens.get(at - 1));
        } else if ("not".equals(peek()) || "in".equals(peek())) {
            boolean negated = accept("not");
            expect("in");
            expect("(");
            do {
                literal();
            } while (accept(","));
            expect(")");
            selective |= fieldOnLeft && !negated;
        }
    }

    private void sum() {
        product();
        while ("+".equals(peek()) || "-".equals(peek())) {
            next();
            product();
        }
    }

    private void product() {
        unary();
        while ("*".equals(peek()) || "/".equals(peek())) {
            next();
            unary();
        }
    }

    private void unary() {
        String token = peek();
        if (token == null) {
            throw refused("the condition ends too early");
        }
        if (token.equals("-") || token.equals("!")) {
            next();
            unary();
        } else if (isLiteral(token)) {
            next();
        } else if (accept("(")) {
            or();
            expect(")");
        } else {
            path();
        }
    }

    private void path() {
        String head = next();
        if (FactTypes.LIMITS.equals(head) && !fields.contains(head)) {
            limit();
            return;
        }
        if (!isVariable(head) && !fields.contains(head)) {
            throw refused(fields.isEmpty() || !DrlLexer.isIdentifier(head)
                    ? "\"" + head + "\" is not allowed here; " + ALLOWED
                    : "\"" + head + "\" is not a field of this fact; its fields are " + String.join(", ", sorted(fields)));
        }
        while (accept(".")) {
            String member = next();
            if (member == null || !FactTypes.isMember(member)) {
                throw refused("\"" + member + "\" is not a value a rule may read");
            }
            if (accept("(")) {
                expect(")");
            }
        }
    }

    /** {@code limits.value("name")}: a number, so nothing may follow it. */
    private void limit() {
        expect(".");
        expect("value");
        expect("(");
        String name = next();
        if (!DrlLexer.isString(name)) {
            throw refused("limits.value takes the name of a limit in quotes (was " + (name == null ? "nothing"
                    : "\"" + name + "\"") + ")");
        }
        expect(")");
        if (".".equals(peek())) {
            throw refused("limits.value(...) is a number: nothing may follow it");
        }
    }

    private void literal() {
        String token = next();
        if (!isLiteral(token)) {
            throw refused("an in list holds literals only (was \"" + token + "\")");
        }
    }

    private static boolean isLiteral(String token) {
        return token != null && (DrlLexer.isString(token) || DrlLexer.isNumber(token)
                || token.equals("true") || token.equals("false") || token.equals("null"));
    }

    private static boolean isArithmetic(String token) {
        return token.equals("+") || token.equals("-") || token.equals("*") || token.equals("/");
    }

    static boolean isVariable(String token) {
        return token != null && token.length() > 1 && token.charAt(0) == '$' && DrlLexer.isIdentifier(token);
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private String next() {
        return at < tokens.size() ? tokens.get(at++) : null;
    }

    private boolean accept(String token) {
        if (token.equals(peek())) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw refused("expected \"" + token + "\" but found " + (peek() == null ? "the end" : "\"" + peek() + "\""));
        }
    }

    private static IllegalArgumentException refused(String message) {
        return new IllegalArgumentException(message);
    }

    private static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort(null);
        return list;
    }
}
