package com.healthadvisor.live;

import com.healthadvisor.RuleProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

/**
 * Watches the rules directory and reloads it once the files have been quiet for the debounce time, so
 * that an editor's burst of saves gives one reload. Reloading runs off the request threads.
 */
public final class RuleWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleWatcher.class);

    private final RuleDirectory directory;
    private final ActiveRuleSet active;
    private final Duration debounce;
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "rules-reload"));
    private final WatchService watchService;
    private final Thread watching;
    private ScheduledFuture<?> pending;

    public RuleWatcher(RuleDirectory directory, ActiveRuleSet active, Duration debounce) throws IOException {
        this.directory = directory;
        this.active = active;
        this.debounce = debounce;
        this.watchService = FileSystems.getDefault().newWatchService();
        directory.path().register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        this.watching = daemon(this::watch, "rules-watch");
    }

    public void start() {
        watching.start();
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                boolean relevant = key.pollEvents().stream()
                        .map(event -> String.valueOf(event.context()))
                        .anyMatch(name -> !name.startsWith("."));
                key.reset();
                if (relevant) {
                    schedule();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = reloader.schedule(this::reload, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reload() {
        String before = active.current().version();
        try {
            directory.reloadFromDisk();
        } catch (RuntimeException e) {
            // Never lost on the reload thread: logged, and the status says the reload failed and why.
            LOG.error("reloading the rules in {} failed", directory.path(), e);
            active.reject(List.of(new RuleProblem(directory.path().toString(), 0, "the reload failed with "
                    + e.getClass().getSimpleName() + ": " + e.getMessage())), "disk");
            return;
        }
        ReloadAttempt attempt = active.lastAttempt();
        if (!attempt.succeeded()) {
            LOG.warn("rules in {} not reloaded, keeping version {}:\n  {}", directory.path(), attempt.version(),
                    String.join("\n  ", attempt.problems().stream().map(Object::toString).toList()));
        } else if (!attempt.version().equals(before)) {
            LOG.info("rules reloaded from {}: version {}", directory.path(), attempt.version());
        }
    }

    @Override
    public void close() throws IOException {
        watching.interrupt();
        watchService.close();
        reloader.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

}
