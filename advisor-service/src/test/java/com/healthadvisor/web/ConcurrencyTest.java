package com.healthadvisor.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diagnoses fired from several clients while rule sets are swapped again and again: no request fails,
 * and every response names a rule set version that was active.
 */
class ConcurrencyTest extends SharedService {

    static final int CLIENTS = 8;
    static final int SWAPS = 10;



    @Test
    void requestsDuringSwapsNeverFailAndNameAnActiveVersion() throws Exception {
        Http http = http();
        String snapshot = Http.read(Path.of("fixtures/seed-2-warning-signs.json"));
        String limits = Http.read(RULES.resolve("limits.csv"));
        String drl = Http.read(RULES.resolve("efficiency.drl"));
        Set<String> activated = ConcurrentHashMap.newKeySet();
        activated.add(http.get("/api/v1/rules").json().get("version").asString());
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger requests = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        AtomicBoolean swapping = new AtomicBoolean(true);

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                while (swapping.get()) {
                    Http.Response response = http.post("/api/v1/diagnoses", "application/json", snapshot);
                    requests.incrementAndGet();
                    if (response.status() != 200) {
                        synchronized (failures) {
                            failures.add(response.status() + " " + response.body());
                        }
                    } else {
                        answered.add(response.json().at("/rule_set/version").asString());
                    }
                }
            }));
        }
        for (int swap = 1; swap <= SWAPS; swap++) {
            // A limit edit reuses the KieBase; a DRL edit compiles a new one. Both kinds are swapped in.
            Http.Response response = swap % 2 == 1
                    ? http.put("/api/v1/rules/files/limits.csv", limits.replace("blended_average_spread,10,",
                            "blended_average_spread," + (10 + swap) + ","), ADMIN)
                    : http.put("/api/v1/rules/files/efficiency.drl", drl + "\n// edit " + swap + "\n", ADMIN);
            assertThat(response.status()).isEqualTo(200);
            activated.add(response.json().get("version").asString());
        }
        swapping.set(false);
        for (Future<?> client : running) {
            client.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();

        System.out.printf("concurrency: %d requests from %d clients during %d swaps, %d failed, %d versions answered%n",
                requests.get(), CLIENTS, SWAPS, failures.size(), answered.size());
        assertThat(failures).isEmpty();
        assertThat(activated).containsAll(answered);
        assertThat(answered.size()).isGreaterThan(1);
    }
}
