package com.healthadvisor.cli;

import com.healthadvisor.HealthAdvisorApplication;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.CompiledRuleCache;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.RuleSetException;
import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.live.CompilingRuleSet;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve [--port N] [--address IP] [--rules DIR] [--fixtures DIR]}: the HTTP service. The rules compile while
 * Spring starts; a rule set that does not compile stops the start with {@code file:line: message}, not a trace. The
 * port and address are the options', else the environment's ({@code SERVER_PORT}, {@code SERVER_ADDRESS}, as
 * Spring Boot names them), else 8080 on every interface.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Starts the HTTP service.")
class ServeCommand implements Callable<Integer> {

    private static final String AOT_ENABLED = "spring.aot.enabled";
    private static final String AOT_INITIALIZER = "HealthAdvisorApplication__ApplicationContextInitializer.class";

    @Option(names = "--port", defaultValue = "${env:SERVER_PORT:-8080}", paramLabel = "N",
            description = "the HTTP port (default: SERVER_PORT, else 8080)")
    int port;

    @Option(names = "--address", defaultValue = "${env:SERVER_ADDRESS}", paramLabel = "IP",
            description = "the address to listen on, such as 127.0.0.1 (default: SERVER_ADDRESS, else every interface)")
    String address;

    @Option(names = "--rules", defaultValue = "${env:ADVISOR_RULES:-rules}", paramLabel = "DIR",
            description = "the rules directory (default: ADVISOR_RULES, else rules)")
    Path rules;

    @Option(names = "--fixtures", defaultValue = "${env:ADVISOR_FIXTURES}", paramLabel = "DIR",
            description = "the fixtures every rule change is vetted with (default: fixtures beside the rules directory)")
    Path fixtures;

    @Override
    public Integer call() throws InterruptedException {
        Path directory = Inputs.directory(rules, "rules");
        refuseShortInitialPassword();
        refuseWhereItCannotListen();
        // Compiling the rules and starting Spring each take seconds on a cold JVM: do both at once. The compile
        // starts once Spring has set up logging, so that what Drools logs is in the service's format (JSON lines
        // with structured logging), never in logback's default one before it.
        // Rules compiled before by this build (a restart, a command line run) come from the cache instead.
        useBeanDefinitionsOfTheBuild();
        RuleSetCompiler compiler = new RuleSetCompiler(Clock.systemUTC(), CompiledRuleCache.standard().orElse(null));
        CompletableFuture<RuleSet> compiling = new CompletableFuture<>();
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(HealthAdvisorApplication.class)
                    // The class Spring names the start after and finds the build's bean definitions by.
                    .main(HealthAdvisorApplication.class)
                    .listeners(event -> {
                        if (event instanceof ApplicationEnvironmentPreparedEvent) {
                            CompletableFuture.runAsync(() -> compile(compiler, directory, compiling));
                        }
                    })
                    .initializers(ctx -> ctx.getBeanFactory().registerSingleton("compilingRuleSet",
                            new CompilingRuleSet(compiler, compiling)))
                    .run(arguments());
        } catch (RuntimeException e) {
            throw ruleProblems(e);
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        closed.await();
        return 0;
    }

    /**
     * The jar carries the service's bean definitions as Spring worked them out when it was built (Spring AOT): a
     * start then reads no configuration class and evaluates no condition (about a second of a start here). Only
     * from the jar, where they were made with the classes beside them: classes run from a directory (the tests, an
     * IDE) may hold those of an earlier build. {@code -Dspring.aot.enabled=false} starts without them.
     */
    private static void useBeanDefinitionsOfTheBuild() {
        URL classes = ServeCommand.class.getProtectionDomain().getCodeSource().getLocation();
        boolean fromDirectory = "file".equals(classes.getProtocol()) && classes.getPath().endsWith("/");
        if (!fromDirectory && System.getProperty(AOT_ENABLED) == null
                && HealthAdvisorApplication.class.getResource(AOT_INITIALIZER) != null) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }

    private static void compile(RuleSetCompiler compiler, Path directory, CompletableFuture<RuleSet> compiling) {
        try {
            compiling.complete(new RuleSetLoader(compiler).load(directory));
        } catch (RuntimeException e) {
            compiling.completeExceptionally(e);
        }
    }

    /** A short first password is said in one line, before anything starts: the same rule as hash-password's. */
    private static void refuseShortInitialPassword() {
        String password = System.getenv("ADVISOR_INITIAL_ADMIN_PASSWORD");
        if (password != null && !password.isBlank() && password.length() < HashPasswordCommand.MIN_LENGTH) {
            throw new UsageException("ADVISOR_INITIAL_ADMIN_PASSWORD has " + password.length() + " characters: it "
                    + "needs at least " + HashPasswordCommand.MIN_LENGTH + "; the service was not started");
        }
    }

    /**
     * An address this machine does not have, or a port something else listens on, is said in one line before
     * anything starts, instead of after Spring and the rules have spent their seconds starting (port 0 picks a
     * free one).
     */
    private void refuseWhereItCannotListen() {
        InetSocketAddress where = address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
        if (where.isUnresolved()) {
            throw new UsageException("address " + address + " is not a host name or IP address this machine resolves");
        }
        if (!isThisMachines(where.getAddress())) {
            throw new UsageException("address " + address + " is not one of this machine's: choose one it has with "
                    + "--address IP (or none, for every interface)");
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(where);
        } catch (IOException e) {
            throw new UsageException("port " + port + " is already in use: stop what listens there, or choose "
                    + "another with --port N");
        }
    }

    private static boolean isThisMachines(InetAddress address) {
        try {
            return address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private String[] arguments() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port, "--advisor.rules=" + rules));
        if (address != null) {
            arguments.add("--server.address=" + address);
        }
        if (fixtures != null) {
            arguments.add("--advisor.fixtures=" + Inputs.directory(fixtures, "fixtures"));
        }
        return arguments.toArray(String[]::new);
    }

    /** The rules' own error when they are why the start failed, so that it reads file:line: message. */
    private static RuntimeException ruleProblems(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleSetException problems) {
                return problems;
            }
        }
        return failure;
    }
}
