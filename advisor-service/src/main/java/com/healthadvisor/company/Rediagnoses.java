package com.healthadvisor.company;

import com.healthadvisor.ruleset.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Re-diagnoses every stored period under the current rules, in the background, one company (one transaction) at a
 * time; a status says how far it got. One job runs at a time: asking again while it runs gives that job.
 */
public final class Rediagnoses {

    private static final Logger LOG = LoggerFactory.getLogger(Rediagnoses.class);
    private static final int KEPT = 20;

    private final CompanyMemory memory;
    private final Supplier<RuleSet> rules;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rediagnose");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public Rediagnoses(CompanyMemory memory, Supplier<RuleSet> rules, Clock clock) {
        this.memory = memory;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * How a job stands.
     *
     * @param state {@code running}, {@code done} or {@code failed}
     */
    public record Status(String id, String state, String ruleSetVersion, int companies, int companiesDone,
                         int periods, int periodsDone, Instant startedAt, Instant finishedAt, String error) {
    }

    /** Starts a job, or gives the one running. */
    public synchronized Status start() {
        for (Job job : jobs.values()) {
            if (job.state.get().equals("running")) {
                return job.status();
            }
        }
        RuleSet ruleSet = rules.get();
        List<String> companies = memory.store().companies();
        Job job = new Job(UUID.randomUUID().toString(), ruleSet.version(), companies.size(),
                memory.store().periodCount(), clock.instant());
        jobs.put(job.id, job);
        while (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        worker.submit(() -> run(job, companies, ruleSet));
        return job.status();
    }

    public synchronized Optional<Status> status(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::status);
    }

    private void run(Job job, List<String> companies, RuleSet ruleSet) {
        try {
            for (String company : companies) {
                job.periodsDone.addAndGet(memory.rediagnose(company, ruleSet));
                job.companiesDone.incrementAndGet();
            }
            job.finish("done", null, clock.instant());
        } catch (RuntimeException e) {
            LOG.error("re-diagnosis {} failed", job.id, e);
            job.finish("failed", e.getMessage(), clock.instant());
        }
    }

    private static final class Job {
        final String id;
        final String ruleSetVersion;
        final int companies;
        final int periods;
        final Instant startedAt;
        final AtomicInteger companiesDone = new AtomicInteger();
        final AtomicInteger periodsDone = new AtomicInteger();
        final AtomicReference<String> state = new AtomicReference<>("running");
        volatile Instant finishedAt;
        volatile String error;

        Job(String id, String ruleSetVersion, int companies, int periods, Instant startedAt) {
            this.id = id;
            this.ruleSetVersion = ruleSetVersion;
            this.companies = companies;
            this.periods = periods;
            this.startedAt = startedAt;
        }

        void finish(String outcome, String message, Instant at) {
            error = message;
            finishedAt = at;
            state.set(outcome);
        }

        Status status() {
            return new Status(id, state.get(), ruleSetVersion, companies, companiesDone.get(), periods,
                    periodsDone.get(), startedAt, finishedAt, error);
        }
    }
}
