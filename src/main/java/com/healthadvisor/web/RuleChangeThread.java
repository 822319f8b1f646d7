package com.healthadvisor.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Where rule changes made over HTTP are compiled and vetted: one thread, one change at a time. A compile
 * takes a core for about half a second; on a request thread it would also take one of the few threads
 * that serve diagnoses (two per core), and clients would queue behind it.
 */
public final class RuleChangeThread implements AutoCloseable {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "rule-change");
        thread.setDaemon(true);
        return thread;
    });

    public <T> CompletableFuture<T> submit(Supplier<T> change) {
        return CompletableFuture.supplyAsync(change, executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
