package com.healthadvisor.ruleset;

import com.healthadvisor.Action;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words and data of one diagnosis code, from a wording file beside the DRL.
 *
 * @param explanation template with {@code {placeholders}} (see {@link Explanation})
 * @param template    the explanation split into text and placeholders, once, when the rule set loads
 * @param explanationWhen explanations that replace {@code template} when the finding carries the note they are keyed
 *                    by: {@code new_deals} when unit economics are judged on new customers' ARPA and the base's
 *                    differs (judgment.md P13)
 * @param impact      the money the finding is about (judgment.md P9), or null when the code cannot tell
 * @param impactKind  {@code at_stake_per_year}: annual revenue between today and the edge of the nearest
 *                    acceptable band; {@code exposure}: revenue a single event could take (a customer, a product)
 * @param requires    what must be present to assess the code: all groups, each satisfied by any of its
 *                    metric codes (or the words {@code targets}, {@code reported_metrics},
 *                    {@code stage}, {@code market})
 * @param actionsWhen actions that replace {@code actions} when the finding carries the note they are keyed by
 *                    (a rule adds it with {@code .note(...)}): advice for a case the rule tells apart, such as a
 *                    company with only a few customers
 * @param rankFirst   ranked above every other diagnosis, whatever its severity and impact
 * @param scaleAdvice the code tells the company to scale, invest more in acquisition or raise budget
 *                    ({@code advice: scale}): silenced next to a critical cash, retention or concentration finding, or
 *                    a high cash one (judgment.md P15)
 */
public record CodeWording(String code, String dimension, String title, String explanation,
                          Explanation.Compiled template, Map<String, Explanation.Compiled> explanationWhen,
                          ImpactFormula impact, String impactKind, List<List<String>> requires, List<Action> actions,
                          Map<String, List<Action>> actionsWhen, boolean rankFirst, boolean scaleAdvice,
                          String file, int line) {

    /** Notes the advisor adds itself, after the rules: {@code new_deals} (judgment.md P13). */
    public static final Set<String> ADVISOR_NOTES = Set.of("new_deals");

    public static final String AT_STAKE = "at_stake_per_year";
    public static final String EXPOSURE = "exposure";
    public static final List<String> IMPACT_KINDS = List.of(AT_STAKE, EXPOSURE);

    /** The actions for this finding: those of the first note in {@code actionsWhen} it carries, else the usual. */
    public List<Action> actionsFor(Map<String, Object> notes) {
        for (Map.Entry<String, List<Action>> when : actionsWhen.entrySet()) {
            if (notes.containsKey(when.getKey())) {
                return when.getValue();
            }
        }
        return actions;
    }

    /** The explanation for this finding: that of the first note in {@code explanationWhen} it carries, else the usual. */
    public Explanation.Compiled templateFor(Map<String, Object> notes) {
        for (Map.Entry<String, Explanation.Compiled> when : explanationWhen.entrySet()) {
            if (notes.containsKey(when.getKey())) {
                return when.getValue();
            }
        }
        return template;
    }

    /** The dimensions' words, in their order ({@link Dimension}). */
    public static final List<String> DIMENSIONS = Dimension.WORDS;
}
