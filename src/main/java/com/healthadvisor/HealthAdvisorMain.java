package com.healthadvisor;

import com.healthadvisor.cli.HealthAdvisorCommand;

/** {@code java -jar health-advisor.jar COMMAND}: see {@code --help}. */
public final class HealthAdvisorMain {

    private HealthAdvisorMain() {
    }

    public static void main(String[] args) {
        System.exit(HealthAdvisorCommand.commandLine().execute(args));
    }
}
