package com.healthadvisor.cli;

import com.healthadvisor.HealthAdvisorApplication;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetLoader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve [--port N] [--rules DIR]}: the HTTP service. The rules are compiled before Spring starts,
 * so that a rule set that does not compile stops the start with {@code file:line: message}, not a trace.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Starts the HTTP service.")
class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "the HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--rules", defaultValue = "rules", paramLabel = "DIR", description = "the rules directory")
    Path rules;

    @Override
    public Integer call() throws InterruptedException {
        RuleSet ruleSet = new RuleSetLoader(Clock.systemUTC()).load(Inputs.directory(rules, "rules"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HealthAdvisorApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("compiledBeforeStart", ruleSet))
                .run("--server.port=" + port, "--advisor.rules=" + rules);
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        closed.await();
        return 0;
    }
}
