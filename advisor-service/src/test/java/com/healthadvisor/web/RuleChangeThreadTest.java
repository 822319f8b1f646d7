package com.healthadvisor.web;

import com.healthadvisor.access.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule-change lanes: bounded per actor, and an admin never behind analysts' work. */
class RuleChangeThreadTest {

    private final RuleChangeThread thread = new RuleChangeThread();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        thread.close();
    }

    @Test
    void anActorPastTheBoundIsRefusedAndAnotherIsNot() {
        Authentication alice = actor("alice", "ANALYST");
        for (int i = 0; i < RuleChangeThread.MAX_PER_ACTOR; i++) {
            thread.submit(alice, this::blocked);
        }

        assertThatThrownBy(() -> thread.submit(alice, this::blocked)).isInstanceOf(RuleChangeThread.BusyException.class)
                .hasMessageContaining("alice");
        assertThat(thread.submit(actor("carol", "ANALYST"), () -> "queued")).isNotNull();
    }

    @Test
    void anAdminsChangeDoesNotWaitBehindAnalystsValidations() throws Exception {
        List<CompletableFuture<String>> analysts = new ArrayList<>();
        for (String name : List.of("alice", "carol", "dave")) {
            analysts.add(thread.submit(actor(name, "ANALYST"), this::blocked));
        }

        String admin = thread.submit(actor("bob", "ADMIN"), () -> "applied").get(5, TimeUnit.SECONDS);

        assertThat(admin).isEqualTo("applied");
        assertThat(analysts).noneMatch(CompletableFuture::isDone);
    }

    @Test
    void finishedWorkFreesItsPlace() throws Exception {
        Authentication alice = actor("alice", "ANALYST");
        for (int i = 0; i < RuleChangeThread.MAX_PER_ACTOR * 3; i++) {
            thread.submit(alice, () -> "done").get(5, TimeUnit.SECONDS);
        }
    }

    private String blocked() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "released";
    }

    private static Authentication actor(String name, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                Role.of(role.toLowerCase(java.util.Locale.ROOT)).authorities());
    }
}
