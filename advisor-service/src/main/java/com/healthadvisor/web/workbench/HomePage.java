package com.healthadvisor.web.workbench;

import com.healthadvisor.company.Portfolio;
import com.healthadvisor.live.ActiveRuleSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;

/**
 * The workbench's home: every company with its health, ARR, newest period, MRR line and what got worse; filtered,
 * sorted and paged on the server, so that a portfolio of thousands opens as fast as one of ten. The filters are a
 * plain GET form: a filtered view is a link to share.
 */
@Controller
class HomePage {

    static final int PAGE_SIZE = 50;
    static final List<String> STAGES = List.of("early", "growth", "scale");

    private final Portfolio portfolio;
    private final ActiveRuleSet active;

    HomePage(Portfolio portfolio, ActiveRuleSet active) {
        this.portfolio = portfolio;
        this.active = active;
    }

    @GetMapping("/")
    String companies(@RequestParam(required = false) String q, @RequestParam(required = false) String health,
                     @RequestParam(required = false) String market, @RequestParam(required = false) String stage,
                     @RequestParam(required = false) String worse, @RequestParam(required = false) String sort,
                     @RequestParam(defaultValue = "1") int page, Model model) {
        Portfolio.Query query = new Portfolio.Query(q, health, market, stage, worse != null, Portfolio.Sort.of(sort),
                page, PAGE_SIZE);
        Portfolio.Page found = portfolio.page(query);
        Map<String, String> titles = Titles.of(active.current());
        model.addAttribute("query", query);
        model.addAttribute("found", found);
        model.addAttribute("rows", found.rows().stream().map(row -> PortfolioRow.of(row, titles)).toList());
        model.addAttribute("healths", Portfolio.HEALTH_ORDER);
        model.addAttribute("markets", found.markets().stream()
                .map(each -> Map.entry(each, Titles.capitalized(PortfolioRow.market(each)))).toList());
        model.addAttribute("stages", STAGES);
        model.addAttribute("sorts", Portfolio.Sort.values());
        model.addAttribute("previous", found.page() > 1 ? link(query, found.page() - 1) : null);
        model.addAttribute("next", found.page() < found.pages() ? link(query, found.page() + 1) : null);
        model.addAttribute("filtered", found.matched() < found.total());
        return "companies";
    }

    /** The same view at another page. */
    private static String link(Portfolio.Query query, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/");
        add(link, "q", query.search());
        add(link, "health", query.health());
        add(link, "market", query.market());
        add(link, "stage", query.stage());
        if (query.gotWorse()) {
            link.queryParam("worse", "on");
        }
        link.queryParam("sort", query.sort().word());
        link.queryParam("page", page);
        return link.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.queryParam(name, value);
        }
    }
}
