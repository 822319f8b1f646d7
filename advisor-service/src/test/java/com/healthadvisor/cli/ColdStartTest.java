package com.healthadvisor.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The head start a {@code diagnose} gets (ColdStart) names classes by their names: a class renamed or gone in an
 * upgrade would silently start nothing, so each name must still load.
 */
class ColdStartTest {

    @Test
    void everyClassItInitializesExists() {
        for (String name : ColdStart.CLASSES) {
            assertThatCode(() -> Class.forName(name, false, ColdStartTest.class.getClassLoader())).as(name)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void onlyADiagnoseGetsAThreadAndWaitingForItOutlivesIt() {
        for (String[] other : new String[][] {{}, {"serve"}, {"import", "stripe"}, {"snapshot", "diagnose"}}) {
            ColdStart none = ColdStart.begin(other);
            assertThat(none.started()).as(String.join(" ", other)).isFalse();
            none.awaitDone();
        }
        ColdStart diagnose = ColdStart.begin(new String[] {"diagnose", "x.json"});
        assertThat(diagnose.started()).isTrue();
        diagnose.awaitDone();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("cold-start") && t.isAlive());
    }
}
