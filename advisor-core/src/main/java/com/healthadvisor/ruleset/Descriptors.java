package com.healthadvisor.ruleset;

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

import java.util.Map;
import java.util.Set;

/**
 * The descriptor types of parsed DRL that {@link DrlAllowList} lets through, by exact class, each with its own
 * check there. Every other descriptor is refused, whatever it extends: {@code GroupByDescr} is an
 * {@code AccumulateDescr} to Java and runs its grouping key as code, so a check by {@code instanceof} would let it
 * in. A type a Drools upgrade adds is therefore refused until someone reads what it holds and allows it; a test
 * lists every descriptor class in the Drools jars and fails on one that is in neither set.
 */
final class Descriptors {

    /** Allowed, by exact class; what each may hold is checked in {@link DrlAllowList}. */
    static final Set<Class<? extends BaseDescr>> ALLOWED = Set.of(PackageDescr.class, ImportDescr.class,
            RuleDescr.class, AttributeDescr.class, AndDescr.class, OrDescr.class, NotDescr.class, ExistsDescr.class,
            ForallDescr.class, PatternDescr.class, ExprConstraintDescr.class, AccumulateDescr.class);

    /**
     * Every descriptor type someone has looked at, with the words a rule author knows it by: the allowed ones and the
     * refused ones. A type not named here is refused all the same; naming it makes the message readable, and tells
     * the test that someone decided.
     */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("AbstractClassTypeDeclarationDescr", "a declaration"),
            Map.entry("AccessorDescr", "an accessor"),
            Map.entry("AccumulateDescr", "accumulate"),
            Map.entry("AndDescr", "and"),
            Map.entry("AttributeDescr", "an attribute"),
            Map.entry("ExistsDescr", "exists"),
            Map.entry("ExprConstraintDescr", "a constraint"),
            Map.entry("ForallDescr", "forall"),
            Map.entry("ImportDescr", "import"),
            Map.entry("NotDescr", "not"),
            Map.entry("OrDescr", "or"),
            Map.entry("PackageDescr", "a package"),
            Map.entry("PatternDescr", "a pattern"),
            Map.entry("RuleDescr", "rule"),
            Map.entry("AccumulateImportDescr", "import accumulate"),
            Map.entry("ActionDescr", "an action"),
            Map.entry("AnnotatedBaseDescr", "an annotated element"),
            Map.entry("AnnotationDescr", "an annotation"),
            Map.entry("AtomicExprDescr", "an expression"),
            Map.entry("BaseDescr", "a descriptor"),
            Map.entry("BehaviorDescr", "a window behaviour"),
            Map.entry("BindingDescr", "a binding"),
            Map.entry("CollectDescr", "collect"),
            Map.entry("CompositePackageDescr", "a composite package"),
            Map.entry("ConditionalBranchDescr", "if ... do[...]"),
            Map.entry("ConditionalElementDescr", "a conditional element"),
            Map.entry("ConnectiveDescr", "a connective"),
            Map.entry("ConstraintConnectiveDescr", "a constraint connective"),
            Map.entry("DeclarativeInvokerDescr", "an invoker"),
            Map.entry("DummyEvalDescr", "eval"),
            Map.entry("EntryPointDeclarationDescr", "an entry point"),
            Map.entry("EntryPointDescr", "entry-point"),
            Map.entry("EnumDeclarationDescr", "declare enum"),
            Map.entry("EnumLiteralDescr", "an enum literal"),
            Map.entry("EvalDescr", "eval"),
            Map.entry("EvaluatorBasedRestrictionDescr", "a restriction"),
            Map.entry("ExpressionDescr", "an expression"),
            Map.entry("FactTemplateDescr", "a fact template"),
            Map.entry("FieldConstraintDescr", "a field constraint"),
            Map.entry("FieldTemplateDescr", "a field template"),
            Map.entry("ForFunctionDescr", "a for function"),
            Map.entry("FromDescr", "from"),
            Map.entry("FunctionDescr", "function"),
            Map.entry("FunctionImportDescr", "import function"),
            Map.entry("GlobalDescr", "global"),
            Map.entry("GroupByDescr", "groupby"),
            Map.entry("LiteralDescr", "a literal"),
            Map.entry("LiteralRestrictionDescr", "a restriction"),
            Map.entry("MVELExprDescr", "an MVEL expression"),
            Map.entry("MultiPatternDestinationDescr", "a multi-pattern destination"),
            Map.entry("NamedConsequenceDescr", "do[...]"),
            Map.entry("OperatorDescr", "an operator"),
            Map.entry("PatternDestinationDescr", "a pattern destination"),
            Map.entry("PatternSourceDescr", "a pattern source"),
            Map.entry("PredicateDescr", "a predicate"),
            Map.entry("ProcessDescr", "a process"),
            Map.entry("QualifiedIdentifierRestrictionDescr", "a restriction"),
            Map.entry("QueryDescr", "query"),
            Map.entry("RelationalExprDescr", "a relational expression"),
            Map.entry("RestrictionConnectiveDescr", "a restriction"),
            Map.entry("RestrictionDescr", "a restriction"),
            Map.entry("Restriction", "a restriction"),
            Map.entry("ReturnValueDescr", "a return value"),
            Map.entry("ReturnValueRestrictionDescr", "a restriction"),
            Map.entry("TypeDeclarationDescr", "declare"),
            Map.entry("TypeFieldDescr", "a declared field"),
            Map.entry("UnitDescr", "a rule unit"),
            Map.entry("VariableRestrictionDescr", "a restriction"),
            Map.entry("WindowDeclarationDescr", "a window declaration"),
            Map.entry("WindowReferenceDescr", "window"));

    private Descriptors() {
    }

    /** Whether a descriptor of this exact class is one the allow-list checks (and may let through). */
    static boolean allowed(Class<?> type) {
        return ALLOWED.contains(type);
    }

    /** Whether someone has classified this descriptor class: allowed with a check, or refused by name. */
    static boolean classified(Class<?> type) {
        return allowed(type) || WORDS.containsKey(type.getSimpleName());
    }

    /** What a rule author would call this construct; its class name when it has no DRL word. */
    static String name(BaseDescr descriptor) {
        String simple = descriptor.getClass().getSimpleName();
        return WORDS.getOrDefault(simple, simple.isEmpty() ? descriptor.getClass().getName() : simple);
    }
}
