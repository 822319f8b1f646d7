package com.healthadvisor.ruleset;

import com.healthadvisor.RuleProblem;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule file is code and Drools has no sandbox, so a file may use only the part of DRL the catalog needs,
 * checked on the parsed rule: patterns over the fact types ({@link FactTypes}), constraints in
 * {@link ConditionGrammar}, consequences in {@link ConsequenceGrammar}, {@code not}, {@code exists},
 * {@code forall}, {@code or}, an {@code accumulate} of named functions over bound variables, and the
 * attributes {@code salience} and {@code no-loop} as literals. Everything else (functions, globals,
 * declarations, queries, {@code eval}, {@code from}, {@code collect}, {@code groupby}, named consequences,
 * dialects, annotations, {@code \\u} escapes) is refused as {@code file:line: message}. Each parsed element is
 * checked by its exact class ({@link Descriptors}): a subclass of an allowed one is another construct, refused. Rules also may not join more
 * than {@link #MAX_OPEN_PATTERNS} patterns that match every fact of their type, so that an evaluation stays
 * bounded by the number of facts.
 */
final class DrlAllowList {

    /** Patterns of one rule without a {@code field == literal} or {@code field in (...)}: beyond this, joins explode. */
    static final int MAX_OPEN_PATTERNS = 2;
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average",
            "collectList", "collectSet");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");
    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    /** Rule names become Java identifiers and strings in generated code: words, digits and plain punctuation. */
    private static final Pattern RULE_NAME = Pattern.compile("[\\p{L}\\p{N} %:,.'()<>=+&?!/-]{1,200}");
    private static final Pattern SALIENCE = Pattern.compile("-?\\d{1,6}");

    private final String file;
    private final List<RuleProblem> problems = new ArrayList<>();

    private DrlAllowList(String file) {
        this.file = file;
    }

    static List<RuleProblem> check(String file, PackageDescr descr, String text) {
        DrlAllowList allowList = new DrlAllowList(file);
        allowList.checkText(text);
        allowList.checkPackage(descr);
        descr.getRules().forEach(allowList::checkRule);
        return allowList.problems;
    }

    /** The Java compiler reads {@code \\u0022} as a quote anywhere, even inside a string or a comment. */
    private void checkText(String text) {
        Matcher escape = UNICODE_ESCAPE.matcher(text);
        if (escape.find()) {
            refuse(lineOf(text, escape.start()), "\\u escapes are not allowed in a rule file; write the character itself");
        }
    }

    private void checkPackage(PackageDescr descr) {
        if (descr.getClass() != PackageDescr.class) {
            refuse(1, Descriptors.name(descr) + " is not allowed");
        }
        if (!PACKAGE_NAME.matcher(descr.getName()).matches()) {
            refuse(1, "package \"" + descr.getName() + "\" is not a plain lower-case name");
        }
        for (ImportDescr target : descr.getImports()) {
            if (target.getClass() != ImportDescr.class) {
                refuse(target.getLine(), Descriptors.name(target) + " is not allowed in rules");
            } else if (!FactTypes.isImportable(target.getTarget())) {
                refuse(target.getLine(), "import " + target.getTarget() + " is not allowed: rules may import only the "
                        + "fact types (" + FactTypes.PACKAGE + String.join(", ", FactTypes.patternTypes()) + ")");
            }
        }
        descr.getFunctionImports().forEach(i -> refuse(i.getLine(), "import function is not allowed in rules"));
        descr.getAccumulateImports().forEach(i -> refuse(i.getLine(), "import accumulate is not allowed in rules"));
        descr.getFunctions().forEach(f -> refuse(f.getLine(), "function " + f.getName() + " is not allowed: keep logic in rules"));
        descr.getGlobals().forEach(g -> refuse(g.getLine(), "global " + g.getIdentifier() + " is not allowed: rules see facts only"));
        descr.getTypeDeclarations().forEach(t -> refuse(t.getLine(), "declare " + t.getTypeName()
                + " is not allowed: rules use the fact types of the advisor"));
        descr.getEnumDeclarations().forEach(t -> refuse(t.getLine(), "declare enum " + t.getTypeName() + " is not allowed"));
        descr.getEntryPointDeclarations().forEach(e -> refuse(e.getLine(), "entry points are not allowed"));
        descr.getWindowDeclarations().forEach(w -> refuse(w.getLine(), "windows are not allowed"));
        descr.getAttributes().forEach(a -> refuse(a.getLine(), "package attribute " + a.getName()
                + " is not allowed: set salience or no-loop on a rule"));
        if (descr.getUnit() != null) {
            refuse(descr.getUnit().getLine(), "rule units are not allowed");
        }
        descr.getClassAndEnumDeclarationDescrs().forEach(t -> refuse(t.getLine(), "declarations are not allowed"));
    }

    private void checkRule(RuleDescr rule) {
        String name = rule.getName();
        int before = problems.size();
        if (rule.isQuery()) {
            refuse(rule.getLine(), "query " + name + " is not allowed: rules conclude findings");
            return;
        }
        if (rule.getClass() != RuleDescr.class || rule.getUnit() != null) {
            refuse(rule.getLine(), Descriptors.name(rule) + " " + name + " is not allowed: write a plain rule");
            return;
        }
        if (!RULE_NAME.matcher(name).matches()) {
            refuse(rule.getLine(), "rule \"" + name + "\": a name may hold letters, digits, spaces and %:,.'()<>=+&?!/-");
        }
        if (rule.hasParent()) {
            refuse(rule.getLine(), "rule \"" + name + "\": extends is not allowed");
        }
        if (!rule.getAnnotations().isEmpty()) {
            refuse(rule.getLine(), "rule \"" + name + "\": annotations are not allowed");
        }
        rule.getAttributes().values().forEach(attribute -> checkAttribute(name, attribute));
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(rule.getConsequenceLine(), "rule \"" + name + "\": named consequences (then[...]) are not allowed");
        }
        RuleScope scope = new RuleScope(name);
        checkElement(rule.getLhs(), scope);
        if (scope.openPatterns > MAX_OPEN_PATTERNS) {
            refuse(rule.getLine(), "rule \"" + name + "\" joins " + scope.openPatterns + " patterns that match every "
                    + "fact of their type (at most " + MAX_OPEN_PATTERNS + "): give each a field == \"value\" or field in (...)");
        }
        if (problems.size() == before) {
            checkConsequence(rule, scope.variables);
        }
    }

    private void checkAttribute(String rule, AttributeDescr attribute) {
        if (attribute.getClass() != AttributeDescr.class) {
            refuse(attribute.getLine(), "rule \"" + rule + "\": " + Descriptors.name(attribute) + " is not allowed");
            return;
        }
        String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
        boolean allowed = switch (attribute.getName()) {
            case "salience" -> SALIENCE.matcher(value).matches();
            case "no-loop" -> value.isEmpty() || value.equals("true") || value.equals("false");
            default -> false;
        };
        if (!allowed) {
            refuse(attribute.getLine(), "rule \"" + rule + "\": attribute " + attribute.getName() + " " + value
                    + " is not allowed; use salience with a whole number or no-loop");
        }
    }

    /**
     * Dispatches on the exact class of a condition element: a subclass of an allowed one (a {@code groupby} is an
     * accumulate, to Java) is a different construct and is refused like any other the list does not name.
     */
    private void checkElement(BaseDescr element, RuleScope scope) {
        Class<?> type = element.getClass();
        if (type == AndDescr.class || type == OrDescr.class || type == NotDescr.class || type == ExistsDescr.class
                || type == ForallDescr.class) {
            ((org.drools.drl.ast.descr.ConditionalElementDescr) element).getDescrs()
                    .forEach(child -> checkElement((BaseDescr) child, scope));
        } else if (type == PatternDescr.class) {
            checkPattern((PatternDescr) element, scope);
        } else {
            refuse(element.getLine(), "rule \"" + scope.rule + "\": " + Descriptors.name(element) + " is not allowed in a "
                    + "condition; use patterns over the fact types, not, exists, forall, or and accumulate");
        }
    }

    private void checkPattern(PatternDescr pattern, RuleScope scope) {
        if (pattern.getSource() != null && pattern.getSource().getClass() == AccumulateDescr.class
                && "Object".equals(pattern.getObjectType())) {
            checkAccumulate((AccumulateDescr) pattern.getSource(), scope);
            checkConstraints(pattern, Set.of(), scope);
            return;
        }
        if (pattern.getSource() != null) {
            refuse(pattern.getLine(), "rule \"" + scope.rule + "\": " + Descriptors.name(pattern.getSource())
                    + " is not allowed: a pattern matches the facts the advisor inserts");
            return;
        }
        Set<String> fields = FactTypes.fieldsOf(String.valueOf(pattern.getObjectType()));
        if (fields == null || pattern.isQuery() || pattern.isUnification()) {
            refuse(pattern.getLine(), "rule \"" + scope.rule + "\": a pattern may match only "
                    + String.join(", ", FactTypes.patternTypes()) + " (was " + pattern.getObjectType() + ")");
            return;
        }
        if (!pattern.getBehaviors().isEmpty() || !pattern.getAnnotations().isEmpty()) {
            refuse(pattern.getLine(), "rule \"" + scope.rule + "\": windows and annotations on a pattern are not allowed");
        }
        scope.bind(pattern.getIdentifier(), pattern.getLine(), this);
        if (!checkConstraints(pattern, fields, scope)) {
            scope.openPatterns++;
        }
    }

    /** Checks each constraint; true when one of them picks facts by a literal. */
    private boolean checkConstraints(PatternDescr pattern, Set<String> fields, RuleScope scope) {
        boolean selective = false;
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint.getClass() != ExprConstraintDescr.class
                    || ((ExprConstraintDescr) constraint).getType() != ExprConstraintDescr.Type.NAMED) {
                refuse(constraint.getLine(), "rule \"" + scope.rule + "\": positional constraints are not allowed; "
                        + "name the field (field == value)");
                continue;
            }
            ExprConstraintDescr expression = (ExprConstraintDescr) constraint;
            ConditionGrammar.Parsed parsed = ConditionGrammar.parse(expression.getExpression(), fields);
            if (parsed.refusal() != null) {
                refuse(expression.getLine(), "rule \"" + scope.rule + "\": " + parsed.refusal());
                continue;
            }
            scope.bind(parsed.binding(), expression.getLine(), this);
            selective |= parsed.selective();
        }
        return selective;
    }

    private void checkAccumulate(AccumulateDescr accumulate, RuleScope scope) {
        if (!accumulate.isExternalFunction() || accumulate.getInitCode() != null || accumulate.getActionCode() != null
                || accumulate.getReverseCode() != null || accumulate.getResultCode() != null) {
            refuse(accumulate.getLine(), "rule \"" + scope.rule + "\": accumulate takes named functions ("
                    + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()) + "), not code");
            return;
        }
        checkElement(accumulate.getInput(), scope);
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction()) || function.isUnification()) {
                refuse(accumulate.getLine(), "rule \"" + scope.rule + "\": accumulate function " + function.getFunction()
                        + " is not allowed; use " + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
                continue;
            }
            for (String parameter : function.getParams()) {
                String refusal = ConditionGrammar.refusalOfArgument(parameter);
                if (refusal != null) {
                    refuse(accumulate.getLine(), "rule \"" + scope.rule + "\": " + refusal);
                }
            }
            scope.bind(function.getBind(), accumulate.getLine(), this);
        }
    }

    private void checkConsequence(RuleDescr rule, Set<String> variables) {
        ConsequenceGrammar.Refusal refusal = ConsequenceGrammar.check(String.valueOf(rule.getConsequence()), variables);
        if (refusal != null) {
            refuse(rule.getConsequenceLine() + refusal.line() - 1, "rule \"" + rule.getName() + "\": " + refusal.message());
        }
    }

    private void refuse(int line, String message) {
        problems.add(new RuleProblem(file, Math.max(line, 1), message));
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** What one rule binds, and how many of its patterns match every fact of their type. */
    private static final class RuleScope {

        private final String rule;
        private final Set<String> variables = new LinkedHashSet<>();
        private int openPatterns;

        private RuleScope(String rule) {
            this.rule = rule;
        }

        private void bind(String variable, int line, DrlAllowList allowList) {
            if (variable == null) {
                return;
            }
            if (!ConditionGrammar.isVariable(variable)) {
                allowList.refuse(line, "rule \"" + rule + "\": a bound variable starts with $ (was " + variable + ")");
                return;
            }
            variables.add(variable);
        }
    }
}
