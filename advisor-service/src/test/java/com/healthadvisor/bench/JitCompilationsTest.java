package com.healthadvisor.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JitCompilationsTest {

    @Test
    void readsTheCompiledCountFromJstatsOutput() {
        assertThat(JitCompilations.parse("""
                Compiled Failed Invalid   Time   FailedType FailedMethod
                   17628      3       0   149.41          1 org/springframework/web/Foo bar
                """)).hasValue(17628);
    }

    @Test
    void anythingElseIsNoCount() {
        assertThat(JitCompilations.parse("")).isEmpty();
        assertThat(JitCompilations.parse("12345 not found")).isEmpty();
        assertThat(JitCompilations.parse("Compiled Failed\n  many  3")).isEmpty();
    }

    /** The bench reads the service's JVM; this JVM is one too, and the build's JDK carries jstat. */
    @Test
    void countsWhatARunningJvmCompiled() {
        var count = JitCompilations.count(ProcessHandle.current().pid());
        assertThat(count).as("jstat -compiler of this JVM").isPresent();
        assertThat(count.getAsLong()).isPositive();
    }
}
