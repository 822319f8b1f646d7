package com.healthadvisor.report;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.ruleset.CodeWording;
import com.healthadvisor.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The codes not assessed as a reader can act on them (judgment.md P17): a short "to judge more, send" list of inputs,
 * each with what it would let the advisor judge, instead of one row of field paths per code. Codes held back for
 * another reason (a small sample, advice silenced beside a critical finding) keep their own sentence.
 */
final class InputsToSend {

    /** The first section a "needs ..." reason names: finance.cash → finance. */
    private static final Pattern SECTION = Pattern.compile("\\b(finance|mrr|customers|revenue|users|profile)\\b");
    private static final Map<String, String> SECTIONS = Map.of(
            "finance", "Finance figures of each period: sales and marketing spend, net burn, cash, margins (finance)",
            "mrr", "The MRR bridge: starting, new, expansion, contraction, churned, ending (mrr)",
            "customers", "The customer bridge: starting, new, churned, ending (customers)",
            "revenue", "Revenue: gross, discounts, refunds, credits (revenue)",
            "users", "Paying users at the end of the period (users)",
            "profile", "The company's profile: stage and market (profile)");

    /** What to send, and the diagnoses it would allow; and the codes not judged for another reason. */
    record Lists(List<ReportView.ToSend> toSend, List<ReportView.Unassessed> notJudged) {
    }

    private InputsToSend() {
    }

    static Lists of(List<DiagnosisResult.NotAssessed> notAssessed, RuleSet ruleSet) {
        Map<String, List<String>> byInput = new LinkedHashMap<>();
        List<ReportView.Unassessed> notJudged = new ArrayList<>();
        for (DiagnosisResult.NotAssessed code : notAssessed) {
            String title = title(code.code(), ruleSet);
            String input = input(code.reason());
            if (input == null) {
                notJudged.add(new ReportView.Unassessed(title, Words.withKeys(Words.firstUpper(code.reason()))));
            } else {
                byInput.computeIfAbsent(input, key -> new ArrayList<>()).add(lowerFirst(title));
            }
        }
        List<ReportView.ToSend> toSend = new ArrayList<>();
        byInput.forEach((input, titles) -> {
            int key = input.lastIndexOf(" (");
            toSend.add(new ReportView.ToSend(input.substring(0, key), input.substring(key + 2, input.length() - 1),
                    Words.firstUpper(String.join("; ", titles))));
        });
        return new Lists(toSend, notJudged);
    }

    /** "MRR gains ..." stays, "Logo churn ..." becomes "logo churn ...": acronyms keep their case. */
    private static String lowerFirst(String title) {
        return title.length() > 1 && Character.isUpperCase(title.charAt(1)) ? title
                : Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }

    /** The input a reason asks for, in words; null when the reason is not a missing input. */
    static String input(String reason) {
        String lower = reason.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("no history")) {
            return "Earlier periods, each with the same sections (history)";
        }
        if (lower.startsWith("no cohorts") || lower.contains("needs cohorts")) {
            return "Cohorts: customers retained by month since they joined (cohorts)";
        }
        if (lower.startsWith("no breakdowns")) {
            return "Breakdowns by product, plan, market or region (breakdowns)";
        }
        if (lower.startsWith("no customer_revenue")) {
            return "Revenue per customer (customer_revenue)";
        }
        if (lower.startsWith("no target")) {
            return "Targets for the metrics that matter to the company (targets)";
        }
        if (lower.startsWith("no reported metric")) {
            return "The figures the company reports to its board, to check them against billing (metrics)";
        }
        if (lower.startsWith("no profile.stage")) {
            return SECTIONS.get("profile");
        }
        if (lower.startsWith("no profile.market")) {
            return "The market the company sells to: SMB, mid-market or enterprise (profile.market)";
        }
        if (!lower.startsWith("no ")) {
            return null;
        }
        int needs = lower.indexOf(": needs ");
        int report = lower.indexOf(": report it as ");
        if (report >= 0) {
            String key = reason.substring(report + ": report it as ".length());
            return "The company's own figure (" + key + ")";
        }
        if (needs < 0) {
            return null;
        }
        String needed = lower.substring(needs).replace("customer bridge", "customers").replace("mrr bridge", "mrr");
        if (needed.contains("history")) {
            return "Earlier periods, each with the same sections (history)";
        }
        if (needed.contains("mrr.acquired")) {
            return "Acquisitions, if any: the MRR and customers that came with them (mrr.acquired)";
        }
        Matcher section = SECTION.matcher(needed);
        return section.find() ? SECTIONS.get(section.group(1)) : null;
    }

    private static String title(String code, RuleSet ruleSet) {
        CodeWording wording = ruleSet.wording().get(code);
        return wording == null ? Words.capitalized(Words.lower(code)) : wording.title();
    }
}
