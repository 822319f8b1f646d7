package com.healthadvisor.ruleset;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;

import java.util.Set;

/**
 * The whole language a consequence may use: statements {@code insert(Finding.of("CODE", "severity", ...))},
 * the finding optionally followed by {@link FactTypes#FINDING_METHODS} calls. Arguments are literals, bound
 * variables, value members of bound variables, {@code limits.value("name")}, arithmetic on those, and
 * {@code Math.abs/min/max}. The code
 * and severity of {@code Finding.of} are string literals, so the catalog can check them against the wording.
 */
final class ConsequenceGrammar {

    /** Why a consequence is refused, at which line of it (1 = the first), or null when it is allowed. */
    record Refusal(String message, int line) {
    }

    private static final Set<BinaryExpr.Operator> ARITHMETIC = Set.of(BinaryExpr.Operator.PLUS,
            BinaryExpr.Operator.MINUS, BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE);
    private static final String ALLOWED = "a consequence may only insert(Finding.of(...)) with literals, "
            + "bound variables and their values";

    private final Set<String> variables;

    private ConsequenceGrammar(Set<String> variables) {
        this.variables = variables;
    }

    /** Checks a consequence whose rule binds {@code variables}. */
    static Refusal check(String consequence, Set<String> variables) {
        ParseResult<BlockStmt> parsed = new JavaParser().parseBlock("{" + consequence + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return new Refusal("the consequence is not valid Java", 1);
        }
        ConsequenceGrammar grammar = new ConsequenceGrammar(variables);
        for (Statement statement : parsed.getResult().get().getStatements()) {
            String refusal = grammar.statement(statement);
            if (refusal != null) {
                return new Refusal(refusal, statement.getBegin().map(p -> p.line).orElse(1));
            }
        }
        return null;
    }

    private String statement(Statement statement) {
        if (!(statement instanceof ExpressionStmt expression)
                || !(expression.getExpression() instanceof MethodCallExpr call)
                || call.getScope().isPresent() || !call.getNameAsString().equals("insert")
                || call.getArguments().size() != 1) {
            return "\"" + firstLine(statement) + "\" is not allowed; " + ALLOWED;
        }
        return finding(call.getArgument(0));
    }

    /** {@code Finding.of(code, severity, ...)} and calls of {@link FactTypes#FINDING_METHODS} on it. */
    private String finding(Expression expression) {
        if (!(expression instanceof MethodCallExpr call) || call.getScope().isEmpty()) {
            return "insert takes Finding.of(...) (was \"" + firstLine(expression) + "\")";
        }
        Expression scope = call.getScope().get();
        String name = call.getNameAsString();
        if (scope instanceof NameExpr type && type.getNameAsString().equals("Finding") && name.equals("of")) {
            if (call.getArguments().size() < 2 || !call.getArgument(0).isStringLiteralExpr()
                    || !call.getArgument(1).isStringLiteralExpr()) {
                return "Finding.of takes the code and the severity as quoted text first";
            }
            return arguments(call);
        }
        if (!FactTypes.FINDING_METHODS.contains(name)) {
            return "\"" + name + "\" is not a method of Finding a rule may call; use "
                    + String.join(", ", FactTypes.FINDING_METHODS.stream().sorted().toList());
        }
        String refusal = finding(scope);
        return refusal != null ? refusal : arguments(call);
    }

    private String arguments(MethodCallExpr call) {
        for (Expression argument : call.getArguments()) {
            String refusal = value(argument);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /** A literal, a bound variable, a value of one, arithmetic or Math on those. */
    private String value(Expression expression) {
        if (expression instanceof StringLiteralExpr || expression instanceof IntegerLiteralExpr
                || expression instanceof DoubleLiteralExpr || expression instanceof BooleanLiteralExpr) {
            return null;
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return value(enclosed.getInner());
        }
        if (expression instanceof UnaryExpr unary && (unary.getOperator() == UnaryExpr.Operator.MINUS
                || unary.getOperator() == UnaryExpr.Operator.PLUS)) {
            return value(unary.getExpression());
        }
        if (expression instanceof BinaryExpr binary && ARITHMETIC.contains(binary.getOperator())) {
            String left = value(binary.getLeft());
            return left != null ? left : value(binary.getRight());
        }
        if (expression instanceof NameExpr name) {
            return variables.contains(name.getNameAsString()) ? null
                    : "\"" + name.getNameAsString() + "\" is not a variable the rule binds";
        }
        if (expression instanceof MethodCallExpr call) {
            return call(call);
        }
        return "\"" + firstLine(expression) + "\" is not allowed as a value; " + ALLOWED;
    }

    private String call(MethodCallExpr call) {
        Expression scope = call.getScope().orElse(null);
        if (scope instanceof NameExpr type && type.getNameAsString().equals("Math")
                && FactTypes.MATH_FUNCTIONS.contains(call.getNameAsString())) {
            return arguments(call);
        }
        if (scope instanceof NameExpr global && global.getNameAsString().equals(FactTypes.LIMITS)) {
            return call.getNameAsString().equals("value") && call.getArguments().size() == 1
                    && call.getArgument(0).isStringLiteralExpr() ? null
                    : "limits.value takes the name of a limit in quotes (was \"" + firstLine(call) + "\")";
        }
        if (scope == null || !call.getArguments().isEmpty() || !FactTypes.isMember(call.getNameAsString())) {
            return "\"" + firstLine(call) + "\" is not a value a rule may read";
        }
        return value(scope);
    }

    private static String firstLine(Node node) {
        String text = node.toString().strip();
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline) + " ...";
        return line.length() > 80 ? line.substring(0, 80) + " ..." : line;
    }
}
