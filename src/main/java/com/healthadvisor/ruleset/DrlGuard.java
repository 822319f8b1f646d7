package com.healthadvisor.ruleset;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rule file is code: Drools has no sandbox, so a right-hand side could run anything. Before a file
 * is compiled, this guard allows imports only of the fact types and of plain value types, refuses
 * functions, globals and type declarations, parses each consequence as Java and refuses loops and any
 * name that reaches the process, threads, reflection, class loaders, files or the network, and scans
 * the conditions (which may call methods too) for the same names. Names are checked one identifier at
 * a time, so a fully qualified name cannot slip past the import check.
 */
final class DrlGuard {

    private static final String FACTS = "com.healthadvisor.facts.";
    private static final Set<String> ALLOWED_PACKAGES = Set.of("java.util.", "java.math.");
    private static final Set<String> FORBIDDEN_UNDER_JAVA_UTIL = Set.of("concurrent", "logging", "prefs", "jar",
            "zip", "spi", "ServiceLoader", "Timer", "Scanner", "Properties", "ResourceBundle");
    private static final Set<String> ALLOWED_JAVA_LANG = Set.of("Math", "String", "Integer", "Long", "Double",
            "Boolean", "Character", "Number", "StrictMath");
    private static final Set<String> FORBIDDEN_NAMES = Set.of(
            "System", "Runtime", "Thread", "ThreadGroup", "ThreadLocal", "ProcessBuilder", "Process", "ProcessHandle",
            "Class", "ClassLoader", "Module", "ModuleLayer", "reflect", "invoke", "MethodHandles", "MethodHandle",
            "Unsafe", "SecurityManager", "forName", "getClass", "getClassLoader", "getContextClassLoader",
            "loadClass", "defineClass", "newInstance", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField",
            "getDeclaredFields", "getDeclaredConstructor", "getMethod", "getMethods", "getField", "getConstructor",
            "setAccessible", "exec", "exit", "halt", "load", "loadLibrary", "getenv", "getProperty", "setProperty",
            "io", "nio", "net", "File", "Files", "Path", "Paths", "FileSystem", "FileSystems", "FileInputStream",
            "FileOutputStream", "FileReader", "FileWriter", "RandomAccessFile", "PrintStream", "ObjectInputStream",
            "ObjectOutputStream", "Socket", "ServerSocket", "DatagramSocket", "URL", "URI", "URLConnection",
            "HttpURLConnection", "HttpClient", "InetAddress", "URLClassLoader", "Executors", "ExecutorService",
            "ForkJoinPool", "CompletableFuture", "Timer", "ScriptEngineManager", "InitialContext", "JNDI",
            "getKieRuntime", "getKieBase", "getEnvironment", "getChannels", "getGlobals", "setGlobal");

    private DrlGuard() {
    }

    static List<RuleProblem> check(String file, PackageDescr descr, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        descr.getImports().forEach(i -> {
            if (!importAllowed(i.getTarget())) {
                problems.add(new RuleProblem(file, i.getLine(), "import " + i.getTarget()
                        + " is not allowed: rules may import the fact types (" + FACTS + "*) and java.util, java.math value types"));
            }
        });
        descr.getFunctionImports().forEach(i -> problems.add(
                new RuleProblem(file, i.getLine(), "import function is not allowed in rules")));
        descr.getFunctions().forEach(f -> problems.add(
                new RuleProblem(file, f.getLine(), "function " + f.getName() + " is not allowed: keep logic in rules")));
        descr.getGlobals().forEach(g -> problems.add(
                new RuleProblem(file, g.getLine(), "global " + g.getIdentifier() + " is not allowed: rules see facts only")));
        descr.getTypeDeclarations().forEach(t -> problems.add(new RuleProblem(file, t.getLine(),
                "declare " + t.getTypeName() + " is not allowed: rules use the fact types of the advisor")));
        for (RuleDescr rule : descr.getRules()) {
            checkConsequence(file, rule, problems);
        }
        checkConditions(file, descr, text, problems);
        return problems;
    }

    private static boolean importAllowed(String target) {
        if (target.startsWith(FACTS)) {
            return true;
        }
        if (target.startsWith("java.lang.")) {
            return ALLOWED_JAVA_LANG.contains(target.substring("java.lang.".length()));
        }
        return ALLOWED_PACKAGES.stream().anyMatch(target::startsWith)
                && java.util.Arrays.stream(target.split("\\.")).noneMatch(FORBIDDEN_UNDER_JAVA_UTIL::contains);
    }

    private static void checkConsequence(String file, RuleDescr rule, List<RuleProblem> problems) {
        String consequence = String.valueOf(rule.getConsequence());
        ParseResult<BlockStmt> parsed = new JavaParser().parseBlock("{" + consequence + "\n}");
        int line = rule.getConsequenceLine();
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            problems.add(new RuleProblem(file, line, "rule \"" + rule.getName() + "\": the consequence is not valid Java"));
            return;
        }
        BlockStmt block = parsed.getResult().get();
        for (Node node : block.findAll(Node.class)) {
            String refused = refusal(node);
            if (refused != null) {
                int at = line + node.getBegin().map(p -> p.line - 1).orElse(0);
                problems.add(new RuleProblem(file, at, "rule \"" + rule.getName() + "\": " + refused));
                return;
            }
        }
    }

    /** Why a node of a consequence is refused, or null. */
    private static String refusal(Node node) {
        if (node instanceof WhileStmt || node instanceof DoStmt || node instanceof ForStmt || node instanceof ForEachStmt) {
            return "loops are not allowed in a consequence (an evaluation must end)";
        }
        if (node instanceof LambdaExpr || node instanceof MethodReferenceExpr || node instanceof TypeDeclaration<?>) {
            return "lambdas, method references and classes are not allowed in a consequence";
        }
        if (node instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
            return "anonymous classes are not allowed in a consequence";
        }
        String name = nameOf(node);
        return name != null && FORBIDDEN_NAMES.contains(name) ? "\"" + name + "\" reaches outside the facts and is not allowed" : null;
    }

    private static String nameOf(Node node) {
        if (node instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (node instanceof FieldAccessExpr access) {
            return access.getNameAsString();
        }
        if (node instanceof MethodCallExpr call) {
            return call.getNameAsString();
        }
        if (node instanceof ClassOrInterfaceType type) {
            return type.getNameAsString();
        }
        return null;
    }

    /**
     * Conditions are DRL, not Java, but may call methods ({@code eval}, {@code from}, constraints): their
     * identifiers are read with a lexer that skips strings and comments, and checked like the consequence's.
     */
    private static void checkConditions(String file, PackageDescr descr, String text, List<RuleProblem> problems) {
        for (RuleDescr rule : descr.getRules()) {
            BaseDescr lhs = rule.getLhs();
            if (lhs == null || lhs.getStartCharacter() < 0 || lhs.getEndCharacter() <= lhs.getStartCharacter()) {
                continue;
            }
            int start = lhs.getStartCharacter();
            int end = Math.min(lhs.getEndCharacter(), text.length());
            for (DrlTokens.Token token : DrlTokens.identifiers(text.substring(start, end))) {
                if (FORBIDDEN_NAMES.contains(token.text())) {
                    int line = lhs.getLine() + token.line() - 1;
                    problems.add(new RuleProblem(file, line, "rule \"" + rule.getName() + "\": \"" + token.text()
                            + "\" reaches outside the facts and is not allowed"));
                    break;
                }
            }
        }
    }
}
