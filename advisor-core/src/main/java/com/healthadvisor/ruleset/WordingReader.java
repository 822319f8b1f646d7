package com.healthadvisor.ruleset;

import com.healthadvisor.RuleProblem;
import com.healthadvisor.Action;
import com.healthadvisor.catalog.EditDistance;
import com.healthadvisor.catalog.MetricCatalog;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a wording file: for each diagnosis code its dimension, title, explanation, impact, what it
 * requires and its actions. Reads YAML nodes rather than objects so that every bad word is reported
 * with its line.
 */
final class WordingReader {

    static final Set<String> SPECIAL_REQUIREMENTS = Set.of("targets", "reported_metrics", "stage", "market");
    private static final List<String> KEYS =
            List.of("dimension", "title", "explanation", "explanation_when", "impact", "impact_kind", "requires", "rank",
                    "advice", "actions", "actions_when");

    private final RuleFile file;
    private final List<RuleProblem> problems;

    private WordingReader(RuleFile file, List<RuleProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    static Map<String, CodeWording> read(RuleFile file, List<RuleProblem> problems) {
        return new WordingReader(file, problems).read();
    }

    private Map<String, CodeWording> read() {
        Map<String, CodeWording> wording = new HashMap<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(file.content()));
        } catch (MarkedYAMLException e) {
            problem(e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
            return wording;
        }
        if (root == null) {
            return wording;
        }
        if (!(root instanceof MappingNode codes)) {
            problem(line(root), "must map diagnosis codes to their wording");
            return wording;
        }
        for (NodeTuple entry : codes.getValue()) {
            String code = scalar(entry.getKeyNode());
            if (code == null || !code.matches("[A-Z][A-Z0-9_]*")) {
                problem(line(entry.getKeyNode()), "a diagnosis code must be UPPER_SNAKE_CASE (was " + code + ")");
            } else if (entry.getValueNode() instanceof MappingNode fields) {
                codeWording(code, fields, line(entry.getKeyNode())).ifPresent(w -> wording.put(code, w));
            } else {
                problem(line(entry.getValueNode()), code + " must have dimension, title, explanation and actions");
            }
        }
        return wording;
    }

    private java.util.Optional<CodeWording> codeWording(String code, MappingNode fields, int line) {
        Map<String, Node> byKey = new HashMap<>();
        for (NodeTuple field : fields.getValue()) {
            String key = scalar(field.getKeyNode());
            if (!KEYS.contains(key)) {
                problem(line(field.getKeyNode()), "unknown key \"" + key + "\" in " + code + "; did you mean \""
                        + nearest(key, KEYS) + "\"?");
            } else {
                byKey.put(key, field.getValueNode());
            }
        }
        String dimension = word(byKey, "dimension", code, line, true, CodeWording.DIMENSIONS);
        String title = text(byKey, "title", code, line, true);
        String explanation = text(byKey, "explanation", code, line, true);
        ImpactFormula impact = impact(byKey.get("impact"));
        String impactKind = word(byKey, "impact_kind", code, line, false, CodeWording.IMPACT_KINDS);
        List<List<String>> requires = requires(byKey.get("requires"));
        boolean rankFirst = "first".equals(word(byKey, "rank", code, line, false, List.of("first")));
        List<Action> actions = actions(byKey.get("actions"), code, line);
        Map<String, List<Action>> actionsWhen = actionsWhen(byKey.get("actions_when"), code);
        Map<String, Explanation.Compiled> explanationWhen = explanationWhen(byKey.get("explanation_when"), code);
        boolean scaleAdvice = "scale".equals(word(byKey, "advice", code, line, false, List.of("scale")));
        // Kept even when a field is wrong, so that the code does not also show up as "not worded".
        return java.util.Optional.of(new CodeWording(code, dimension, title, explanation,
                explanation == null ? null : Explanation.compile(explanation), explanationWhen, impact,
                impactKind == null ? CodeWording.AT_STAKE : impactKind, requires, actions, actionsWhen, rankFirst,
                scaleAdvice, file.name(), line));
    }

    private String text(Map<String, Node> byKey, String key, String code, int line, boolean required) {
        Node node = byKey.get(key);
        String value = node == null ? null : scalar(node);
        if (node != null && (value == null || value.isBlank())) {
            problem(line(node), key + " of " + code + " must be text");
        } else if (node == null && required) {
            problem(line, code + " has no " + key);
        }
        return value == null ? null : value.trim();
    }

    private String word(Map<String, Node> byKey, String key, String code, int line, boolean required,
                        List<String> words) {
        String value = text(byKey, key, code, line, required);
        if (value != null && !words.contains(value)) {
            problem(line(byKey.get(key)), "unknown " + key + " \"" + value + "\" in " + code + "; use one of "
                    + String.join(", ", words));
            return null;
        }
        return value;
    }

    private ImpactFormula impact(Node node) {
        if (node == null) {
            return null;
        }
        try {
            return ImpactFormula.parse(scalar(node) == null ? "" : scalar(node));
        } catch (IllegalArgumentException e) {
            problem(line(node), e.getMessage());
            return null;
        }
    }

    /** {@code a | b, c}: (a or b) and c. */
    private List<List<String>> requires(Node node) {
        if (node == null) {
            return List.of();
        }
        List<List<String>> groups = new ArrayList<>();
        for (String group : String.valueOf(scalar(node)).split(",")) {
            List<String> alternatives = Arrays.stream(group.split("\\|")).map(String::trim).toList();
            for (String token : alternatives) {
                if (!MetricCatalog.isKnown(token) && !SPECIAL_REQUIREMENTS.contains(token)) {
                    problem(line(node), "requires names unknown metric \"" + token + "\"; did you mean \""
                            + MetricCatalog.nearest(token) + "\"?");
                }
            }
            groups.add(alternatives);
        }
        return groups;
    }

    /** {@code note_name:} followed by the explanation for that case, which replaces the usual one. */
    private Map<String, Explanation.Compiled> explanationWhen(Node node, String code) {
        return byNote(node, code, "explanation_when", "maps a note to the explanation for that case", (note, value) -> {
            String text = scalar(value);
            if (text == null || text.isBlank()) {
                problem(line(value), "the explanation for " + note + " in " + code + " must be text");
                return null;
            }
            return Explanation.compile(text.trim());
        });
    }

    /** {@code note_name:} followed by its one to three actions, for each case a rule marks with a note. */
    private Map<String, List<Action>> actionsWhen(Node node, String code) {
        return byNote(node, code, "actions_when", "maps a note a rule adds to the actions for that case",
                (note, value) -> actions(value, code, line(value)));
    }

    /**
     * A map from notes (lower_snake_case) to what each case holds, read by {@code value}, which reports its own
     * problems and returns null for a case it refuses.
     */
    private <V> Map<String, V> byNote(Node node, String code, String key, String meaning,
                                      java.util.function.BiFunction<String, Node, V> value) {
        Map<String, V> byNote = new java.util.LinkedHashMap<>();
        if (node == null) {
            return byNote;
        }
        if (!(node instanceof MappingNode cases)) {
            problem(line(node), key + " of " + code + " " + meaning);
            return byNote;
        }
        for (NodeTuple when : cases.getValue()) {
            String note = scalar(when.getKeyNode());
            if (note == null || !note.matches("[a-z][a-z0-9_]*")) {
                problem(line(when.getKeyNode()), "a note in " + key + " of " + code + " is lower_snake_case (was "
                        + note + ")");
                continue;
            }
            V read = value.apply(note, when.getValueNode());
            if (read != null) {
                byNote.put(note, read);
            }
        }
        return byNote;
    }

    private List<Action> actions(Node node, String code, int line) {
        List<Action> actions = new ArrayList<>();
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty() || list.getValue().size() > 3) {
            problem(node == null ? line : line(node), code + " needs one to three actions, each \"- Owner: what to do\"");
            return actions;
        }
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode pair) || pair.getValue().size() != 1) {
                problem(line(item), "an action is \"- Owner: what to do\" (quote the text if it holds \": \")");
                continue;
            }
            String owner = scalar(pair.getValue().get(0).getKeyNode());
            String action = scalar(pair.getValue().get(0).getValueNode());
            if (!Action.OWNERS.contains(owner)) {
                problem(line(item), "unknown owner \"" + owner + "\"; use one of " + String.join(", ", Action.OWNERS));
            } else if (action == null || action.isBlank()) {
                problem(line(item), "the action of " + owner + " in " + code + " is empty");
            } else {
                actions.add(new Action(action.trim(), owner));
            }
        }
        return actions;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private void problem(int line, String message) {
        problems.add(new RuleProblem(file.name(), line, message));
    }

    private static String nearest(String key, List<String> words) {
        return words.stream().min(Comparator.comparingInt(word -> EditDistance.between(String.valueOf(key), word)))
                .orElse("");
    }
}
