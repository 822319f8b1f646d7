package com.healthadvisor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an operation on several threads: a warm-up, then timed iterations. Reports throughput per
 * iteration (for the spread), latency percentiles over every measured call, and failures.
 */
final class Measure {

    /** What one measurement found. */
    record Result(double opsPerSecond, double spreadPercent, double p50Micros, double p99Micros, double maxMicros,
                  long operations, long errors) {
    }

    /** Plan: threads, warm-up, iterations and their length. */
    record Plan(int threads, Duration warmUp, int iterations, Duration iteration) {
    }

    private static final int MAX_SAMPLES_PER_THREAD = 2_000_000;

    private Measure() {
    }

    static Result run(Plan plan, Callable<?> operation) throws Exception {
        runFor(plan.threads(), plan.warmUp(), operation, null);
        Series series = new Series();
        for (int i = 0; i < plan.iterations(); i++) {
            series.add(runFor(plan.threads(), plan.iteration(), operation, series.samples), plan.iteration());
        }
        return series.result();
    }

    /** Two operations measured side by side, and how many times longer the second takes than the first. */
    record Comparison(Result first, Result second, double ratio) {
    }

    /**
     * Both operations warmed up, then their iterations alternated, so that a machine slowing down in the middle
     * of the run slows both alike. The ratio is the median of the iterations' ratios.
     */
    static Comparison compare(Plan plan, Callable<?> first, Callable<?> second) throws Exception {
        runFor(plan.threads(), plan.warmUp(), first, null);
        runFor(plan.threads(), plan.warmUp(), second, null);
        Series a = new Series();
        Series b = new Series();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < plan.iterations(); i++) {
            double firstRate = a.add(runFor(plan.threads(), plan.iteration(), first, a.samples), plan.iteration());
            double secondRate = b.add(runFor(plan.threads(), plan.iteration(), second, b.samples), plan.iteration());
            ratios.add(firstRate / secondRate);
        }
        ratios.sort(null);
        int middle = ratios.size() / 2;
        double median = ratios.size() % 2 == 1 ? ratios.get(middle) : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
        return new Comparison(a.result(), b.result(), median);
    }

    /** The iterations of one operation: their throughputs, latency samples and counts. */
    private static final class Series {
        final List<Double> throughputs = new ArrayList<>();
        final List<long[]> samples = new ArrayList<>();
        long operations;
        long errors;

        double add(List<Sampler> samplers, Duration iteration) {
            long done = samplers.stream().mapToLong(s -> s.count).sum();
            operations += done;
            errors += samplers.stream().mapToLong(s -> s.errors).sum();
            double rate = done / (iteration.toNanos() / 1e9);
            throughputs.add(rate);
            return rate;
        }

        Result result() {
            long[] all = samples.stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(all);
            double mean = throughputs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = throughputs.stream().mapToDouble(t -> (t - mean) * (t - mean)).average().orElse(0);
            return new Result(mean, mean == 0 ? 0 : Math.sqrt(variance) / mean * 100, percentile(all, 0.50),
                    percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e3, operations, errors);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e3;
    }

    private static final class Sampler {
        long count;
        long errors;
        long[] nanos = new long[1024];
    }

    private static List<Sampler> runFor(int threads, Duration duration, Callable<?> operation, List<long[]> samples)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Sampler>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> loop(operation, running)));
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        List<Sampler> samplers = new ArrayList<>();
        for (Future<Sampler> future : futures) {
            Sampler sampler = future.get();
            samplers.add(sampler);
            if (samples != null) {
                samples.add(Arrays.copyOf(sampler.nanos, (int) Math.min(sampler.count, sampler.nanos.length)));
            }
        }
        pool.shutdown();
        return samplers;
    }

    private static Sampler loop(Callable<?> operation, AtomicBoolean running) {
        Sampler sampler = new Sampler();
        while (running.get()) {
            long start = System.nanoTime();
            try {
                operation.call();
            } catch (Exception e) {
                sampler.errors++;
            }
            long elapsed = System.nanoTime() - start;
            if (sampler.count < MAX_SAMPLES_PER_THREAD) {
                if (sampler.count == sampler.nanos.length) {
                    sampler.nanos = Arrays.copyOf(sampler.nanos, sampler.nanos.length * 2);
                }
                sampler.nanos[(int) sampler.count] = elapsed;
            }
            sampler.count++;
        }
        return sampler;
    }
}
