package com.healthadvisor.web;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.diagnosis.Watchdog;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.live.CompilingRuleSet;
import com.healthadvisor.live.Previews;
import com.healthadvisor.live.RuleDirectory;
import com.healthadvisor.live.RuleHistory;
import com.healthadvisor.live.RuleSetVetting;
import com.healthadvisor.live.RuleWatcher;
import com.healthadvisor.live.SharedRuleStore;
import com.healthadvisor.live.SharedRulesFollower;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.settings.AdvisorProperties;
import com.healthadvisor.snapshot.SnapshotReader;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.time.Clock;
import javax.sql.DataSource;

/** Wires the advisor, the live rule set and its watcher. */
@Configuration(proxyBeanMethods = false)
class AdvisorConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisorConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SnapshotReader snapshotReader(AdvisorProperties properties) {
        return new SnapshotReader(properties.maxSnapshotSize().toBytes());
    }

    /** Halts, then stops, an evaluation past its timeout; its thread ends with the application. */
    @Bean(destroyMethod = "close")
    Watchdog watchdog() {
        return new Watchdog();
    }

    @Bean
    Advisor advisor(AdvisorProperties properties, Watchdog watchdog) {
        return new Advisor(properties.maxFirings(), properties.evaluationTimeout(), watchdog);
    }

    /** The compiler of the start-up rule set and of every change after it, so that an unchanged DRL is not recompiled. */
    @Bean
    RuleSetCompiler ruleSetCompiler(ObjectProvider<CompilingRuleSet> compiling, Clock clock) {
        CompilingRuleSet started = compiling.getIfAvailable();
        return started != null ? started.compiler() : new RuleSetCompiler(clock);
    }

    /**
     * The rule set {@code serve} compiles while Spring starts, when there is one; else the rules directory's. The
     * database is opened and migrated first, while that compile runs on another core, rather than after it.
     */
    @Bean
    @org.springframework.context.annotation.DependsOn("flywayInitializer")
    ActiveRuleSet activeRuleSet(ObjectProvider<CompilingRuleSet> compiling, RuleSetCompiler compiler,
                                AdvisorProperties properties, Clock clock) {
        CompilingRuleSet started = compiling.getIfAvailable();
        RuleSet initial = started != null ? started.await() : new RuleSetLoader(compiler).load(properties.rules());
        return new ActiveRuleSet(initial, clock);
    }

    /**
     * The rules' past, in the database: an earlier build's history on disk is brought in once, and the set the
     * service starts with is a version too, the first to go back to.
     */
    @Bean
    @org.springframework.context.annotation.DependsOn("flywayInitializer")
    RuleHistory ruleHistory(AdvisorProperties properties, ActiveRuleSet active, DataSource dataSource,
                            PlatformTransactionManager transactionManager, Clock clock) {
        RuleHistory history = new RuleHistory(dataSource, transactionManager, new RuleHistory.Retention(
                properties.historyMaxAge(), properties.historyMaxVersions(), properties.historyMaxBytes().toBytes()),
                clock);
        // The history an earlier build left readable by everyone is its owner's alone from now on.
        com.healthadvisor.files.PrivateFiles.tree(properties.rules().resolve(".history"));
        int imported = history.importFrom(properties.rules());
        if (imported > 0) {
            LOG.info("imported {} rule set versions and the audit log from {} into the database; that directory "
                    + "is no longer read or written", imported, properties.rules().resolve(".history"));
        }
        if (!properties.sharedRules()) {
            // Replicas sharing their rules start on the fleet's newest version instead (SharedRulesFollower): a
            // replica's own directory becomes a version only when it is the first.
            history.started(active.current());
        }
        return history;
    }

    @Bean
    RuleDirectory ruleDirectory(AdvisorProperties properties, ActiveRuleSet active, Advisor advisor,
                                RuleSetCompiler compiler, RuleHistory history, AdvisorMeters meters,
                                ObjectProvider<com.healthadvisor.live.StoredPeriods> storedPeriods,
                                ObjectProvider<SharedRuleStore> shared) {
        RuleSetVetting vetting = new RuleSetVetting(compiler, properties.fixturesDirectory(), advisor,
                storedPeriods.getIfAvailable());
        if (vetting.hasFixtures()) {
            LOG.info("rule changes are vetted with the fixtures in {}", vetting.fixtures());
        } else {
            LOG.warn("no fixtures directory at {}: rule changes are only compiled, no guard is run "
                    + "(set advisor.fixtures or serve --fixtures)", vetting.fixtures());
        }
        return new RuleDirectory(properties.rules(), vetting, active, history, meters, shared.getIfAvailable());
    }

    /**
     * With {@code advisor.shared-rules}, the replicas of the service share their rule set through the database:
     * an accepted change is published there, and each replica follows what the others publish. Without it, no
     * bean (a bean method returning null leaves {@code ObjectProvider.getIfAvailable()} empty). Decided here, as
     * the service starts, not by a condition: the service's bean definitions are worked out when the jar is built
     * (see {@code ServeCommand}), and a condition would be settled then.
     */
    @Bean
    @org.springframework.context.annotation.DependsOn("flywayInitializer")
    SharedRuleStore sharedRuleStore(RuleHistory history, DataSource dataSource,
                                    PlatformTransactionManager transactionManager, AdvisorProperties properties,
                                    org.springframework.core.env.Environment environment) {
        if (!properties.sharedRules()) {
            return null;
        }
        return new SharedRuleStore(history, replicaName(properties, environment), dataSource, transactionManager);
    }

    /** As set, else the host's name and the port: what tells two replicas apart on an operator's screen. */
    private static String replicaName(AdvisorProperties properties, org.springframework.core.env.Environment environment) {
        if (properties.replicaName() != null && !properties.replicaName().isBlank()) {
            return properties.replicaName().strip();
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + environment.getProperty("server.port", "8080");
    }

    /**
     * With shared rules, adopts the newest shared rule set before the service answers, then follows the others'
     * changes; without them, no bean.
     */
    @Bean(destroyMethod = "close")
    SharedRulesFollower sharedRulesFollower(ObjectProvider<SharedRuleStore> shared, RuleDirectory directory,
                                            ActiveRuleSet active, AdvisorProperties properties, Clock clock) {
        SharedRuleStore store = shared.getIfAvailable();
        if (store == null) {
            return null;
        }
        SharedRulesFollower follower = new SharedRulesFollower(store, directory, active, properties.sharedRulesPoll(),
                clock);
        follower.start();
        LOG.info("following the shared rules in the database ({}), at shared version {}",
                store.notifies() ? "notified by PostgreSQL, polling every " + properties.sharedRulesPoll()
                        : "polling every " + properties.sharedRulesPoll(), store.followed());
        return follower;
    }

    @Bean
    AdvisorMeters advisorMeters(MeterRegistry registry, ActiveRuleSet active) {
        return new AdvisorMeters(registry, active);
    }

    /** No meter carries a file system path (the disk meters' {@code path}): they would describe the host. */
    @Bean
    io.micrometer.core.instrument.config.MeterFilter noPaths() {
        return io.micrometer.core.instrument.config.MeterFilter.ignoreTags("path");
    }

    @Bean
    Previews previews(Clock clock) {
        return new Previews(clock);
    }

    @Bean(destroyMethod = "close")
    RuleChangeThread ruleChangeThread() {
        return new RuleChangeThread();
    }

    @Bean(destroyMethod = "close")
    RuleWatcher ruleWatcher(RuleDirectory directory, ActiveRuleSet active, AdvisorProperties properties)
            throws IOException {
        RuleWatcher watcher = new RuleWatcher(directory, active, properties.reloadDebounce());
        if (properties.watch()) {
            watcher.start();
        }
        return watcher;
    }

    /** Like Prometheus' last-reload-successful: 1 when the last attempt to change the rules succeeded. */
    @Bean
    Gauge lastReloadSuccessful(MeterRegistry registry, ActiveRuleSet active) {
        return Gauge.builder("advisor.rules.last.reload.successful", active, a -> a.lastAttempt().succeeded() ? 1 : 0)
                .description("1 when the last rule set reload succeeded, 0 when it was refused")
                .register(registry);
    }
}
