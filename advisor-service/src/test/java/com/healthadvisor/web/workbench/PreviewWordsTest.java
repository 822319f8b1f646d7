package com.healthadvisor.web.workbench;

import com.healthadvisor.fixture.FixtureRunner;
import com.healthadvisor.live.Preview;
import com.healthadvisor.live.StoredPeriods;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewWordsTest {

    private static final Map<String, String> TITLES = Map.of("LOGO_CHURN_CRISIS", "Logo churn is in crisis",
            "NRR_CRITICAL", "NRR is below 90%");

    @Test
    void eachFindingIsSaidByItsTitleWithItsFixturesAndCompaniesThenTheVerdicts() {
        Preview preview = new Preview("a", "b", List.of(), List.of(
                move("one", "critical", "concerning", List.of(), List.of("LOGO_CHURN_CRISIS")),
                move("two", "critical", "critical", List.of("NRR_CRITICAL"), List.of("LOGO_CHURN_CRISIS"))),
                List.of(), new StoredPeriods.Compared(3, 3, List.of(
                        new StoredPeriods.Move("acme", "2024-06", "critical", "concerning", List.of(),
                                List.of("LOGO_CHURN_CRISIS")),
                        new StoredPeriods.Move("beta", "2024-05", "healthy", "healthy", List.of("NEW_CODE"),
                                List.of())), List.of()));

        assertThat(PreviewWords.of(preview, code -> TITLES.getOrDefault(code, code))).containsExactly(
                "Logo churn is in crisis would disappear for 2 fixtures and 1 company: acme critical → concerning.",
                "NEW_CODE would appear for 1 company: beta healthy → healthy.",
                "NRR is below 90% would appear for 1 fixture.",
                "The verdict would go from critical to concerning for 1 fixture.",
                "The verdict of acme (2024-06) would go from critical to concerning.");
    }

    @Test
    void nothingMovedSaysNothing() {
        assertThat(PreviewWords.of(new Preview("a", "b", List.of(), List.of(), List.of(), null), code -> code)).isEmpty();
    }

    private static Preview.Move move(String fixture, String before, String after, List<String> appeared,
                                     List<String> disappeared) {
        return new Preview.Move(fixture, new FixtureRunner.Verdict(before, List.of()),
                new FixtureRunner.Verdict(after, List.of()), appeared, disappeared);
    }
}
