package com.healthadvisor.notify;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/**
 * HTML as mail clients take it: the report's scoped style sheet applied to each element as inline styles (many
 * clients drop {@code <style>}), later rules after earlier ones as the cascade would order them; print rules and
 * scripts removed. The charts stay inline SVG.
 */
final class EmailSafe {

    private EmailSafe() {
    }

    static String inline(String html) {
        Document page = Jsoup.parseBodyFragment(html);
        StringBuilder css = new StringBuilder();
        page.select("style").forEach(style -> {
            css.append(style.data()).append('\n');
            style.remove();
        });
        page.select("script").remove();
        String rules = css.toString().replaceAll("@media[^{]*\\{([^{}]*\\{[^}]*\\})*\\s*\\}", "");
        for (String rule : rules.split("}")) {
            int open = rule.indexOf('{');
            if (open < 0) {
                continue;
            }
            String declarations = rule.substring(open + 1).strip();
            for (String selector : rule.substring(0, open).split(",")) {
                apply(page, selector.strip(), declarations);
            }
        }
        return page.body().html();
    }

    private static void apply(Document page, String selector, String declarations) {
        if (selector.isEmpty() || declarations.isEmpty()) {
            return;
        }
        try {
            for (Element element : page.select(selector)) {
                String style = element.attr("style");
                element.attr("style", style.isEmpty() ? declarations
                        : style + (style.endsWith(";") ? "" : ";") + declarations);
            }
        } catch (Selector.SelectorParseException e) {
            // A selector jsoup cannot read styles nothing in the mail.
        }
    }
}
