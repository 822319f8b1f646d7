package com.healthadvisor.web;

import com.healthadvisor.access.ApiSecurity;
import com.healthadvisor.settings.AdvisorProperties;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.snapshot.SnapshotReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The diagnosis endpoint as a web slice: Spring MVC, the security chain, the problem advice and the message
 * converters around {@link DiagnosisController}, with the real advisor on the default rules, and no database,
 * watcher or server. Configured with API keys and no admin token, which the shared service is not.
 */
@WebMvcTest(controllers = DiagnosisController.class,
        properties = {"advisor.admin-token=", "advisor.api-keys=key-one,key-two"})
@Import({ApiSecurity.class, DiagnosisControllerSliceTest.RealAdvisor.class})
class DiagnosisControllerSliceTest {

    private static final String SEED = Http.read(Path.of("fixtures/seed-2-warning-signs.json"));
    private static final String[] KEY = {"X-API-Key", "key-two"};

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdvisorProperties.class)
    static class RealAdvisor {

        @Bean
        ActiveRuleSet activeRuleSet() {
            return new ActiveRuleSet(RuleSetLoader.loadAsLastChanged(Path.of("rules")), Clock.systemUTC());
        }

        @Bean
        SnapshotReader snapshotReader() {
            return new SnapshotReader();
        }

        @Bean
        Advisor advisor() {
            return new Advisor();
        }

        @Bean
        AdvisorMeters advisorMeters(ActiveRuleSet active) {
            return new AdvisorMeters(new SimpleMeterRegistry(), active);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void diagnosingNeedsAConfiguredApiKey() throws Exception {
        assertThat(diagnose("application/json").getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(post("/api/v1/diagnoses").contentType("application/json").content(SEED)
                .header("X-API-Key", "wrong")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(diagnose("application/json", KEY).getResponse().getStatus()).isEqualTo(200);
    }

    /** With no admin token configured, rule changes are refused, not open, whatever the token. */
    @Test
    void ruleChangesAreForbiddenWhateverTheToken() throws Exception {
        MvcResult none = mvc.perform(put("/api/v1/rules/files/limits.csv").content("x")).andReturn();
        MvcResult guessed = mvc.perform(put("/api/v1/rules/files/limits.csv").content("x")
                .header("Authorization", "Bearer guess")).andReturn();

        assertThat(none.getResponse().getStatus()).isEqualTo(403);
        assertThat(none.getResponse().getContentAsString()).contains("ADVISOR_ADMIN_TOKEN");
        assertThat(guessed.getResponse().getStatus()).isEqualTo(403);
        assertThat(guessed.getResponse().getContentAsString()).contains("ADVISOR_ADMIN_TOKEN");
        assertThat(mvc.perform(delete("/api/v1/rules/files/limits.csv")).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/api/v1/rules/validate?name=limits.csv").contentType("text/plain").content("x"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void eachAcceptedFormatIsWrittenByTheConverter() throws Exception {
        assertThat(diagnose("application/json", KEY).getResponse().getContentType()).isEqualTo("application/json");
        assertThat(diagnose("text/markdown", KEY).getResponse().getContentType())
                .isEqualTo("text/markdown;charset=UTF-8");
        assertThat(diagnose("text/html", KEY).getResponse().getContentAsString()).startsWith("<!DOCTYPE html>");
        MvcResult pdf = diagnose("application/pdf", KEY);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        assertThat(pdf.getResponse().getContentLength()).isEqualTo(pdf.getResponse().getContentAsByteArray().length);
    }

    @Test
    void qualityValuesDecideAndWhatCannotBeWrittenIsA406() throws Exception {
        assertThat(diagnose("text/html;q=0.5, text/markdown;q=0.9", KEY).getResponse().getContentType())
                .startsWith("text/markdown");
        assertThat(diagnose("*/*", KEY).getResponse().getContentType()).isEqualTo("application/json");
        assertThat(diagnose("text/*", KEY).getResponse().getContentType()).startsWith("text/markdown");
        assertThat(diagnose("image/png", KEY).getResponse().getStatus()).isEqualTo(406);
    }

    @Test
    void aFragmentIsASectionToEmbed() throws Exception {
        MvcResult fragment = mvc.perform(post("/api/v1/diagnoses?fragment=true").contentType("application/json")
                .content(SEED).accept("text/html").header(KEY[0], KEY[1])).andReturn();

        assertThat(fragment.getResponse().getContentAsString()).startsWith("<section").doesNotContain("<html");
    }

    private MvcResult diagnose(String accept, String... header) throws Exception {
        var request = post("/api/v1/diagnoses").contentType("application/json").content(SEED).header("Accept", accept);
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        return mvc.perform(request).andReturn();
    }
}
