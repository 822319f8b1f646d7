package com.healthadvisor.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call that names a subcommand gets a command line with that subcommand alone (HealthAdvisorMain): it must say
 * and do exactly what the whole command line would, down to every nested subcommand's help.
 */
class OneSubcommandTest {

    @Test
    void eachSubcommandAloneHasTheSameHelpAsInTheWholeCommandLine() {
        CommandLine whole = HealthAdvisorCommand.commandLine();
        List<String> named = new ArrayList<>(whole.getSubcommands().keySet());
        named.remove("help");
        assertThat(named).contains("diagnose", "rules", "serve", "companies");
        for (String name : named) {
            CommandLine alone = HealthAdvisorCommand.commandLine(new String[] {name, "x"});
            assertThat(alone.getSubcommands()).containsOnlyKeys(name);
            assertThat(usages(alone.getSubcommands().get(name))).as(name)
                    .isEqualTo(usages(whole.getSubcommands().get(name)));
        }
    }

    @Test
    void theTopLevelAndUnknownWordsGetTheWholeCommandLine() {
        assertThat(HealthAdvisorCommand.commandLine(new String[0]).getSubcommands()).containsKeys("diagnose", "help");
        assertThat(HealthAdvisorCommand.commandLine(new String[] {"help", "diagnose"}).getSubcommands())
                .containsKeys("diagnose", "rules", "help");
        assertThat(HealthAdvisorCommand.commandLine(new String[] {"--version"}).getSubcommands())
                .containsKeys("diagnose", "rules", "help");
        assertThat(HealthAdvisorCommand.commandLine(new String[] {"diagnoze"}).getSubcommands())
                .containsKeys("diagnose", "rules", "help");
    }

    @Test
    void aSubcommandAloneStillTakesTheInheritedOptions() {
        StringWriter out = new StringWriter();
        CommandLine alone = HealthAdvisorCommand.commandLine(new String[] {"diagnose", "--version"});
        alone.setOut(new PrintWriter(out));

        assertThat(alone.execute("diagnose", "--version")).isZero();
        assertThat(out.toString()).startsWith("Health Advisor ");
    }

    /** A command's help and that of every subcommand under it, by their names. */
    private static Map<String, String> usages(CommandLine command) {
        Map<String, String> usages = new java.util.TreeMap<>();
        usages.put(command.getCommandName(), command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        command.getSubcommands().forEach((name, sub) -> usages.putAll(usages(sub)));
        return usages;
    }
}
