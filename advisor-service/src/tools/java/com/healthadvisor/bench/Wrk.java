package com.healthadvisor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from wrk (Debian's package), when it is installed: a C load generator takes far less of the
 * two cores than a Java client would, so that the service, not the client, is what gets measured.
 */
final class Wrk {

    /** What one wrk run measured. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, double maxMillis, long errors) {
    }

    private static final Path WRK = Path.of("/usr/bin/wrk");
    private static final Pattern LATENCY = Pattern.compile("([\\d.]+)(us|ms|s)\\b");

    private Wrk() {
    }

    static boolean installed() {
        return Files.isExecutable(WRK);
    }

    /**
     * Whether wrk is there, installing Debian's package first when it is not and this process may (as root, or
     * through sudo without a password): the HTTP figures are wrk's, and another client's are not comparable.
     */
    static boolean installedOrInstall() {
        if (installed()) {
            return true;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> asRoot = root ? List.of() : List.of("sudo", "-n");
        try {
            for (List<String> step : List.of(List.of("apt-get", "update", "-qq"),
                    List.of("apt-get", "install", "-y", "-qq", "wrk"))) {
                List<String> command = new java.util.ArrayList<>(asRoot);
                command.addAll(step);
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
                if (builder.start().waitFor() != 0) {
                    return false;
                }
            }
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return installed();
    }

    /** A wrk run under way in the background. */
    record Running(Process process, Path report) {

        Result finish() throws Exception {
            process.waitFor();
            return parse(Files.readString(report));
        }
    }

    static Result run(int port, Path snapshot, Duration duration) throws Exception {
        return start(port, snapshot, duration).finish();
    }

    static Running start(int port, Path snapshot, Duration duration) throws Exception {
        return start(port, snapshot, duration, 0);
    }

    /**
     * As {@link #start(int, Path, Duration)}, each connection pausing {@code pauseMillis} after each answer:
     * 16 connections pausing 15 ms offer about 1,000 requests/s, a steady load below saturation.
     */
    static Running start(int port, Path snapshot, Duration duration, int pauseMillis) throws Exception {
        Path report = Files.createTempFile("wrk-report", ".txt");
        Path script = Files.createTempFile("wrk-post", ".lua");
        Files.writeString(script, """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                local f = io.open("%s", "r")
                wrk.body = f:read("*a")
                f:close()
                %s
                """.formatted(snapshot.toAbsolutePath(),
                pauseMillis > 0 ? "function delay() return " + pauseMillis + " end" : ""));
        Process wrk = new ProcessBuilder(List.of(WRK.toString(), "-t2", "-c16", "-d" + duration.toSeconds() + "s",
                "--latency", "-s", script.toString(), "http://127.0.0.1:" + port + "/api/v1/diagnoses"))
                .redirectErrorStream(true).redirectOutput(report.toFile()).start();
        return new Running(wrk, report);
    }

    static Result parse(String report) {
        double rps = number(report, "Requests/sec:\\s+([\\d.]+)");
        double p50 = latency(report, "\\n\\s+50%\\s+(\\S+)");
        double p99 = latency(report, "\\n\\s+99%\\s+(\\S+)");
        double max = latency(report, "Latency\\s+\\S+\\s+\\S+\\s+(\\S+)");
        long errors = (long) (number(report, "Non-2xx or 3xx responses:\\s+(\\d+)")
                + number(report, "Socket errors:.*?connect (\\d+)") + number(report, "Socket errors:.*?read (\\d+)")
                + number(report, "Socket errors:.*?write (\\d+)") + number(report, "Socket errors:.*?timeout (\\d+)"));
        return new Result(rps, p50, p99, max, errors);
    }

    private static double number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static double latency(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            return 0;
        }
        Matcher value = LATENCY.matcher(matcher.group(1));
        if (!value.find()) {
            return 0;
        }
        double number = Double.parseDouble(value.group(1));
        return switch (value.group(2)) {
            case "us" -> number / 1000;
            case "s" -> number * 1000;
            default -> number;
        };
    }
}
