package com.healthadvisor.web.workbench;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code of every wording file, rewritten with words that YAML would misread if written plainly: the file still
 * parses, the code reads back with exactly the new words, and every other code and key is as it was.
 */
class WordingEditTest {

    private static final String TITLE = "Churn: the #1 risk - \"really\" {logo_churn_rate}";
    private static final String EXPLANATION = "- {logo_churn_rate} left: see {nrr.benchmark}.\n\nA second paragraph: "
            + "with 'quotes' & # signs";
    private static final List<WordingEdit.Action> ACTIONS = List.of(
            new WordingEdit.Action("Customer Success", "Call them: today, not \"later\""),
            new WordingEdit.Action("Finance", "Model it"));

    @Test
    void everyCodeIsRewrittenInPlaceAndNothingElseMoves() throws IOException {
        for (Path file : wordingFiles()) {
            String yaml = Files.readString(file);
            Map<String, Map<String, Object>> before = parse(yaml);
            for (String code : before.keySet()) {
                String edited = WordingEdit.apply(yaml, code, lineOf(yaml, code), TITLE, EXPLANATION, ACTIONS);
                Map<String, Map<String, Object>> after = parse(edited);
                assertThat(after.keySet()).as("%s %s", file, code).containsExactlyElementsOf(before.keySet());
                Map<String, Object> changed = after.get(code);
                assertThat(changed.get("title")).isEqualTo(TITLE);
                // Folded: a single line break is a space, a blank line a paragraph.
                assertThat(changed.get("explanation")).isEqualTo(EXPLANATION.replace("\n\n", "\n"));
                assertThat(changed.get("actions")).isEqualTo(List.of(
                        Map.of("Customer Success", "Call them: today, not \"later\""), Map.of("Finance", "Model it")));
                Map<String, Object> rest = new LinkedHashMap<>(before.get(code));
                Map<String, Object> restAfter = new LinkedHashMap<>(changed);
                for (String key : List.of("title", "explanation", "actions")) {
                    rest.remove(key);
                    restAfter.remove(key);
                }
                assertThat(restAfter).as("%s %s: the other keys", file, code).isEqualTo(rest);
                for (String other : before.keySet()) {
                    if (!other.equals(code)) {
                        assertThat(after.get(other)).as("%s %s after editing %s", file, other, code)
                                .isEqualTo(before.get(other));
                    }
                }
            }
        }
    }

    private static int lineOf(String yaml, String code) {
        List<String> lines = yaml.lines().toList();
        return lines.indexOf(lines.stream().filter(line -> line.startsWith(code + ":")).findFirst().orElseThrow()) + 1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> parse(String yaml) {
        return (Map<String, Map<String, Object>>) new Yaml().load(yaml);
    }

    private static List<Path> wordingFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
        }
    }
}
