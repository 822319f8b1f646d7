package com.healthadvisor.security;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rule files that try to run code on the server, as an attacker sends them. Each would create the marker file
 * if it ran; every door that takes a rule file (the compiler, PUT, validate, the file watcher, {@code rules
 * check}) must refuse each of them with {@code file:line} and leave no marker behind.
 */
public final class RuleAttacks {

    /** One attack: a name, the DRL, and the words the refusal must contain. */
    public record Attack(String name, String drl, String refusal) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String HEADER = """
            package rules;
            import com.healthadvisor.facts.Metric;
            import com.healthadvisor.facts.Finding;
            """;

    private RuleAttacks() {
    }

    /** Reflection through java.beans with the method names built by concatenation. */
    static String beansChain(Path marker) {
        return "new java.beans.Expression(new java.beans.Expression(Class.class, \"for\" + \"Name\", new Object[]{"
                + "\"java.lang.Run\" + \"time\"}).getValue(), \"get\" + \"Runtime\", new Object[0]).getValue()";
    }

    static String exec(Path marker) {
        return "java.lang.Runtime.getRuntime().exec(new String[]{\"touch\", \"" + marker + "\"})";
    }

    public static List<Attack> all(Path marker) {
        String exec = exec(marker);
        String beans = beansChain(marker);
        return Stream.of(
                rule("java.beans reflection in the consequence", "$m : Metric(code == \"nrr\")",
                        "Object o = " + beans + ";", "is not allowed"),
                rule("java.beans reflection inside eval",
                        "$m : Metric(code == \"nrr\")\n    eval(" + beans + " != null)", "eval is not allowed"),
                rule("java.beans reflection inside from",
                        "$m : Metric(code == \"nrr\") from " + beans, "from is not allowed"),
                rule("code inside an accumulate function argument",
                        "accumulate($m : Metric(code == \"nrr\"); $s : sum(" + exec + ".waitFor()))",
                        "accumulate function takes a bound variable"),
                rule("code inside a constraint", "$m : Metric(code == \"nrr\", " + exec + " != null)",
                        "is not allowed"),
                rule("a method call inside a constraint", "$m : Metric(code == \"nrr\", code.getClass() != null)",
                        "is not a value a rule may read"),
                file("a named consequence", HEADER + """
                        rule "Named"
                        when
                            $m : Metric(code == "nrr")
                            do[side]
                        then
                            insert(Finding.of("NRR_CRITICAL", "critical", $m));
                        then[side]
                            %s;
                        end
                        """.formatted(exec), "named consequences"),
                file("an expression in salience", HEADER + """
                        rule "Salient"
                            salience ( %s.waitFor() )
                        when
                            $m : Metric(code == "nrr")
                        then
                            insert(Finding.of("NRR_CRITICAL", "critical", $m));
                        end
                        """.formatted(exec), "attribute salience"),
                file("an expression in enabled", HEADER + """
                        rule "Enabled"
                            enabled ( %s != null )
                        when
                            $m : Metric(code == "nrr")
                        then
                            insert(Finding.of("NRR_CRITICAL", "critical", $m));
                        end
                        """.formatted(exec), "attribute enabled"),
                file("the mvel dialect", HEADER + """
                        rule "Mvel"
                            dialect "mvel"
                        when
                            $m : Metric(code == "nrr")
                        then
                            insert(Finding.of("NRR_CRITICAL", "critical", $m));
                        end
                        """, "attribute dialect"),
                rule("unicode escapes inside a string literal", "$m : Metric(code == \"nrr\")",
                        "insert(Finding.of(\"NRR_CRITICAL\", \"critical\", $m).note(\"x\", \"\\u0022); " + exec
                                + "; Object y = (\\u0022\"));", "\\u escapes are not allowed"),
                rule("a unicode newline hiding code in a comment", "$m : Metric(code == \"nrr\")",
                        "insert(Finding.of(\"NRR_CRITICAL\", \"critical\", $m)); // \\u000a " + exec + ";",
                        "\\u escapes are not allowed"),
                rule("a file's content in an exception message", "$m : Metric(code == \"nrr\")",
                        "insert(Finding.of(new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"/etc/passwd\"))), \"high\"));",
                        "Finding.of takes the code and the severity as quoted text first"),
                rule("an environment variable in an exception message", "$m : Metric(code == \"nrr\")",
                        "insert(Finding.of(System.getenv(\"ADVISOR_ADMIN_TOKEN\"), \"high\"));",
                        "Finding.of takes the code and the severity as quoted text first"),
                rule("System.exit", "$m : Metric(code == \"nrr\")", "System.exit(3);", "is not allowed"),
                rule("a catastrophic regular expression on client text",
                        "$m : Metric(code == \"nrr\", scope matches \"(.*a){12}\")", "\"matches\" is not allowed"),
                rule("a regular expression in the consequence", "$m : Metric(code == \"nrr\")",
                        "insert(Finding.of(\"NRR_CRITICAL\", \"critical\", $m).note(\"x\", $m.scope().matches(\"(.*a){12}\")));",
                        "is not a value a rule may read"),
                rule("a cartesian join of five unconstrained patterns",
                        "$m : Metric()\n    Metric()\n    Metric()\n    Metric()\n    Metric()",
                        "patterns that match every fact"),
                file("a function", HEADER + """
                        function Object run() { return %s; }
                        rule "F"
                        when
                            $m : Metric(code == "nrr")
                        then
                            insert(Finding.of("NRR_CRITICAL", "critical", $m));
                        end
                        """.formatted(exec), "function run is not allowed"),
                file("a global", HEADER + "global java.util.List sink;\n" + simpleRule(), "global sink is not allowed"),
                file("an import of java.io", HEADER + "import java.io.File;\n" + simpleRule(), "import java.io.File is not allowed"),
                file("a type declaration", HEADER + "declare Secret name : String end\n" + simpleRule(), "declare Secret is not allowed"),
                file("a query", HEADER + "query \"q\" Metric() end\n" + simpleRule(), "query q is not allowed"),
                file("a package-level dialect", HEADER + "dialect \"mvel\"\n" + simpleRule(), "package attribute dialect"),
                rule("a pattern over a JDK type", "$m : java.lang.Runtime()", "a pattern may match only"),
                rule("a lambda in the consequence", "$m : Metric(code == \"nrr\")",
                        "Runnable r = () -> " + exec + ";", "is not allowed"),
                rule("a brace that closes the consequence's method early", "$m : Metric(code == \"nrr\")",
                        "insert(Finding.of(\"NRR_CRITICAL\", \"critical\", $m)); } static { " + exec
                                + "; } public void more() {", "not valid Java"),
                rule("a loop in the consequence", "$m : Metric(code == \"nrr\")", "while (true) { }", "is not allowed"),
                rule("a groupby whose key writes a file through java.util.Formatter",
                        "groupby($m : Metric(code == \"nrr\"); $key : new java.util.Formatter(\"" + marker
                                + "\").toString(); $c : count($m))", "groupby is not allowed"),
                rule("a groupby whose key builds a rule base outside the fence",
                        "groupby($m : Metric(code == \"nrr\"); $key : org.kie.api.KieServices.Factory.get()"
                                + ".newKieFileSystem().toString(); $c : count($m))", "groupby is not allowed"),
                rule("a groupby with a plain key", "groupby($m : Metric(code == \"nrr\"); $key : $m.scope; "
                        + "$c : count($m))", "groupby is not allowed"),
                rule("twenty thousand nested parentheses", "$m : Metric(code == \"nrr\", value > "
                        + "(".repeat(20_000) + "1" + ")".repeat(20_000) + ")", "nests more than"),
                rule("three thousand nested not(...)", "not(".repeat(3_000) + "Metric(code == \"nrr\")"
                        + ")".repeat(3_000), "nests more than"),
                rule("twenty thousand signs in a row", "$m : Metric(code == \"nrr\", value > " + "- ".repeat(20_000)
                        + "1)", "nests more than"),
                // The limits global is the one object rules may call with an argument: only value("a name").
                rule("the limits global with a computed name", "$m : Metric(code == \"nrr\", value > limits.value($m.scope))",
                        "limits.value takes the name of a limit in quotes"),
                rule("another method of the limits global", "$m : Metric(code == \"nrr\", value > limits.getClass())",
                        "expected \"value\""),
                rule("a member of a limit's value", "$m : Metric(code == \"nrr\", value > limits.value(\"segment_min_share\").getClass())",
                        "limits.value(...) is a number: nothing may follow it"),
                rule("the limits global reached from the consequence", "$m : Metric(code == \"nrr\")",
                        "insert(Finding.of(\"NRR_CRITICAL\", \"critical\", $m).note(\"c\", limits.getClass()));",
                        "limits.value takes the name of a limit in quotes"),
                rule("the limits global's value with two arguments", "$m : Metric(code == \"nrr\")",
                        "insert(Finding.of(\"NRR_CRITICAL\", \"critical\", $m).note(\"c\", limits.value(\"a\", \"b\")));",
                        "limits.value takes the name of a limit in quotes"),
                file("a global of the limits' own name", HEADER + "global com.healthadvisor.facts.LimitValues limits;\n"
                        + simpleRule(), "global limits is not allowed"),
                rule("Class.forName in the consequence", "$m : Metric(code == \"nrr\")",
                        "insert(Finding.of(\"NRR_CRITICAL\", \"critical\", $m).note(\"c\", Class.forName(\"java.lang.Runtime\")));",
                        "is not a value a rule may read")
        ).toList();
    }

    private static Attack rule(String name, String condition, String refusal) {
        return rule(name, condition, "insert(Finding.of(\"NRR_CRITICAL\", \"critical\"));", refusal);
    }

    private static Attack rule(String name, String condition, String consequence, String refusal) {
        return file(name, HEADER + """
                rule "Attack"
                when
                    %s
                then
                    %s
                end
                """.formatted(condition, consequence), refusal);
    }

    private static Attack file(String name, String drl, String refusal) {
        return new Attack(name, drl, refusal);
    }

    private static String simpleRule() {
        return """
                rule "Plain"
                when
                    $m : Metric(code == "nrr")
                then
                    insert(Finding.of("NRR_CRITICAL", "critical", $m));
                end
                """;
    }
}
