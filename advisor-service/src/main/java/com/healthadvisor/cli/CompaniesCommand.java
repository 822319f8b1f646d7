package com.healthadvisor.cli;

import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.company.ChangeWords;
import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.company.Database;
import com.healthadvisor.company.NoSuchPeriodException;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.report.PeriodChanges;
import com.healthadvisor.report.Reports;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.SnapshotReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code companies put | ledger | list | timeline | diagnosis | changes | export | delete | rediagnose}: the company
 * memory from a script, on the service's database (the H2 file under ./data, or SPRING_DATASOURCE_URL, or
 * {@code --database}), or through a running service ({@code --service URL} with ADVISOR_TOKEN), which is the way
 * while the service holds the embedded database. Opening the database, the command line may do all of this: roles
 * apply over HTTP only.
 */
@Command(name = "companies", mixinStandardHelpOptions = true,
        description = "Stores snapshots per company and period, and reads timelines, diagnoses and changes.",
        subcommands = {CompaniesCommand.Put.class, CompaniesCommand.PutLedger.class, CompaniesCommand.ListAll.class,
                CompaniesCommand.Timeline.class, CompaniesCommand.Diagnosis.class, CompaniesCommand.Changes.class,
                CompaniesCommand.Export.class, CompaniesCommand.Delete.class, CompaniesCommand.Rediagnose.class})
class CompaniesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: put, ledger, list, "
                + "timeline, diagnosis, changes, export, delete or rediagnose");
    }

    /** A service's answer as the text it is. */
    static String text(byte[] answer) {
        return new String(answer, StandardCharsets.UTF_8).stripTrailing();
    }

    /** Where the memory is and which rules judge: shared by every subcommand. */
    static class Memory {

        @Option(names = "--database", paramLabel = "JDBC_URL", defaultValue = "${env:SPRING_DATASOURCE_URL}",
                description = "the database (default: SPRING_DATASOURCE_URL, else the H2 file ./data/advisor)")
        String database;

        @Option(names = "--rules", defaultValue = "${env:ADVISOR_RULES:-rules}", paramLabel = "DIR",
                description = "the rules directory (default: ADVISOR_RULES, else rules)")
        Path rules;

        @Option(names = "--service", paramLabel = "URL", defaultValue = "${env:ADVISOR_SERVICE_URL}",
                description = "go through a running service's HTTP API (e.g. http://localhost:8080) with the bearer "
                        + "token in ADVISOR_TOKEN, instead of opening the database: the way while the service "
                        + "holds the embedded one (default: ADVISOR_SERVICE_URL)")
        String service;

        /** For tests and scripts that cannot set the environment; a token on a command line shows in ps. */
        @Option(names = "--token", hidden = true, defaultValue = "${env:ADVISOR_TOKEN}")
        String token;

        /** The running service to go through, or null to open the database. */
        ServiceClient remote() {
            return service == null || service.isBlank() ? null : new ServiceClient(service, token);
        }

        RuleSet ruleSet() {
            return RuleSetLoader.loadAsLastChanged(Inputs.directory(rules, "rules"));
        }

        /** Opens the database (refusing a newer schema), and closes it after the work. */
        <T> T with(java.util.function.BiFunction<CompanyMemory, RuleSet, T> work, boolean needsRules) {
            RuleSet ruleSet = needsRules ? ruleSet() : null;
            try (Database db = Database.open(database)) {
                CompanyMemory memory = new CompanyMemory(db.dataSource(), db.transactionManager(),
                        new SnapshotReader(), new Advisor(), () -> ruleSet, Clock.systemUTC());
                return work.apply(memory, ruleSet);
            }
        }
    }

    /** A subcommand about one company: its name first, then what the subcommand needs. */
    abstract static class OneCompany {
        @Spec
        CommandSpec spec;
        @Mixin
        Memory memory;
        @Parameters(index = "0", paramLabel = "COMPANY")
        String company;
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Stores a snapshot as its period's new revision (the same document again changes nothing) "
                    + "and prints its diagnosis.")
    static class Put extends OneCompany implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "FILE", description = "the snapshot JSON, or - for standard input")
        String file;
        @Option(names = "--as", defaultValue = "${sys:user.name}", description = "who stores it (default: the user)")
        String actor;

        @Override
        public Integer call() {
            byte[] document = Inputs.read(file, System.in);
            String period = new SnapshotReader().read(document).period();
            ServiceClient remote = memory.remote();
            if (remote != null) {
                Output.print(spec, new String(remote.send("PUT", ServiceClient.company(company, "snapshots", period),
                        "application/json", document), StandardCharsets.UTF_8));
                return 0;
            }
            CompanyMemory.Stored stored = memory.with((m, rules) -> m.put(company, period, document, actor), true);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("company", company);
            out.put("period", period);
            out.put("revision", stored.snapshot().revision());
            out.put("created", stored.created());
            out.put("diagnosis", stored.result());
            Output.print(spec, out);
            return 0;
        }
    }

    @Command(name = "ledger", mixinStandardHelpOptions = true,
            description = "Stores every month of a per-customer MRR ledger (CSV) at once: all months or none.")
    static class PutLedger extends OneCompany implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "FILE", description = "the ledger CSV, or - for standard input")
        String file;
        @Option(names = "--currency", description = "the ledger's currency (default: its currency column, else USD)")
        String currency;
        @Option(names = "--allow-empty-months", description = "a month with no rows is real, not missing")
        boolean allowEmptyMonths;
        @Option(names = "--as", defaultValue = "${sys:user.name}", description = "who stores it (default: the user)")
        String actor;

        @Override
        public Integer call() {
            CompanyMemory.checkName(company);
            ServiceClient remote = memory.remote();
            if (remote != null) {
                return throughService(remote);
            }
            var months = LedgerSnapshots.readAll(Inputs.reader(file, System.in), null, currency, allowEmptyMonths);
            List<CompanyMemory.Stored> stored = memory.with((m, rules) -> m.putAll(company, months, actor), true);
            PrintWriter out = spec.commandLine().getOut();
            for (CompanyMemory.Stored s : stored) {
                out.printf("%s revision %d %s %s%n", s.snapshot().period(), s.snapshot().revision(),
                        s.created() ? "stored" : "unchanged", s.result().health());
            }
            out.printf("%d months of %s stored%n", stored.size(), company);
            out.flush();
            return 0;
        }

        /** The same lines, from the service's answer. */
        private int throughService(ServiceClient remote) {
            String query = "?allow_empty_months=" + allowEmptyMonths
                    + (currency == null ? "" : "&currency=" + ServiceClient.query(currency));
            var answer = remote.json(remote.send("POST", ServiceClient.company(company, "ledger") + query, "text/csv",
                    Inputs.read(file, System.in)));
            PrintWriter out = spec.commandLine().getOut();
            for (var month : answer.get("periods")) {
                out.printf("%s revision %d %s %s%n", month.get("period").asString(), month.get("revision").asInt(),
                        month.get("created").asBoolean() ? "stored" : "unchanged", month.get("health").asString());
            }
            out.printf("%d months of %s stored%n", answer.get("months").asInt(), company);
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the companies, each with its newest period and that period's health (JSON).")
    static class ListAll implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Memory memory;

        @Override
        public Integer call() {
            ServiceClient remote = memory.remote();
            Output.print(spec, remote != null ? text(remote.get("/api/v1/companies", "application/json"))
                    : memory.with((m, rules) -> m.store().heads(), false));
            return 0;
        }
    }

    @Command(name = "timeline", mixinStandardHelpOptions = true,
            description = "Per period: health, the key metrics with their windows, and the codes (JSON).")
    static class Timeline extends OneCompany implements Callable<Integer> {

        @Override
        public Integer call() {
            ServiceClient remote = memory.remote();
            if (remote != null) {
                Output.print(spec, text(remote.get(ServiceClient.company(company, "timeline"), "application/json")));
                return 0;
            }
            var periods = memory.with((m, rules) -> m.timeline(company), false);
            if (periods.isEmpty()) {
                throw NoSuchPeriodException.noCompany(company);
            }
            Output.print(spec, new com.healthadvisor.company.Timeline(company, periods));
            return 0;
        }
    }

    @Command(name = "diagnosis", mixinStandardHelpOptions = true,
            description = "A stored period's diagnosis, or with --now under today's rules; as JSON or a report "
                    + "that says what changed since the period before.")
    static class Diagnosis extends OneCompany implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "PERIOD")
        String period;
        @Option(names = "--format", defaultValue = "json",
                description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        DiagnoseCommand.Format format;
        @Option(names = "--now", description = "diagnose again under the rules of --rules instead of the stored result")
        boolean now;

        @Override
        public Integer call() {
            ServiceClient remote = memory.remote();
            if (remote != null) {
                byte[] answer = remote.get(ServiceClient.company(company, "diagnoses", period) + (now ? "?rules=current" : ""),
                        switch (format) {
                            case json -> "application/json";
                            case markdown -> "text/markdown";
                            case html -> "text/html";
                            case pdf -> "application/pdf";
                        });
                Output.print(spec, format == DiagnoseCommand.Format.pdf ? answer : text(answer));
                return 0;
            }
            Object output = memory.with((m, rules) -> {
                CompanyMemory.Diagnosed diagnosed = (now ? m.diagnoseNow(company, period) : m.stored(company, period))
                        .orElseThrow(() -> new NoSuchPeriodException("company \"" + company
                                + "\" has no stored period " + period));
                PeriodChanges since = m.sinceLast(company, diagnosed.stored())
                        .map(c -> ChangeWords.of(c, diagnosed.result().currency())).orElse(null);
                return switch (format) {
                    case json -> ResultJson.write(diagnosed.result());
                    case markdown -> Reports.markdown(diagnosed.result(), diagnosed.snapshot(), rules, since);
                    case html -> Reports.html(diagnosed.result(), diagnosed.snapshot(), rules, false, since);
                    case pdf -> Reports.pdf(diagnosed.result(), diagnosed.snapshot(), rules, since);
                };
            }, true);
            Output.print(spec, output);
            return 0;
        }
    }

    @Command(name = "changes", mixinStandardHelpOptions = true,
            description = "What changed between two stored periods: findings new, resolved, worse, better (JSON).")
    static class Changes extends OneCompany implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "PERIOD")
        String from;
        @Option(names = "--to", required = true, paramLabel = "PERIOD")
        String to;

        @Override
        public Integer call() {
            ServiceClient remote = memory.remote();
            if (remote != null) {
                Output.print(spec, text(remote.get(ServiceClient.company(company, "changes") + "?from="
                        + ServiceClient.query(from) + "&to=" + ServiceClient.query(to), "application/json")));
                return 0;
            }
            Output.print(spec, memory.with((m, rules) -> m.changes(company, from, to), false)
                    .orElseThrow(() -> new NoSuchPeriodException("company \"" + company + "\" has not stored both "
                            + from + " and " + to)));
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Everything a company stored, one revision per line with its diagnosis (JSON lines).")
    static class Export extends OneCompany implements Callable<Integer> {

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ServiceClient remote = memory.remote();
            if (remote != null) {
                out.print(text(remote.get(ServiceClient.company(company, "export"), "application/x-ndjson")));
                out.flush();
                return 0;
            }
            int lines = memory.with((m, rules) -> {
                int[] count = {0};
                m.store().export(company, revision -> {
                    out.println(new String(com.healthadvisor.company.ExportLines.of(revision),
                            StandardCharsets.UTF_8));
                    count[0]++;
                });
                return count[0];
            }, false);
            out.flush();
            if (lines == 0) {
                throw NoSuchPeriodException.noCompany(company);
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Removes a company and every revision and diagnosis it stored.")
    static class Delete extends OneCompany implements Callable<Integer> {

        @Override
        public Integer call() {
            ServiceClient remote = memory.remote();
            if (remote != null) {
                remote.send("DELETE", ServiceClient.company(company), null, null);
                Output.print(spec, "deleted " + company);
                return 0;
            }
            int removed = memory.with((m, rules) -> m.delete(company), false);
            if (removed == 0) {
                throw NoSuchPeriodException.noCompany(company);
            }
            Output.print(spec, "deleted " + company + ": " + removed + " revision(s)");
            return 0;
        }
    }

    @Command(name = "rediagnose", mixinStandardHelpOptions = true,
            description = "Diagnoses every stored period of every company (or of the one named) again under the "
                    + "rules of --rules, and stores the results.")
    static class Rediagnose implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Memory memory;
        @Parameters(index = "0", arity = "0..1", paramLabel = "COMPANY")
        String company;

        @Override
        public Integer call() throws InterruptedException {
            ServiceClient remote = memory.remote();
            if (remote != null) {
                Output.print(spec, rediagnoseThrough(remote));
                return 0;
            }
            String done = memory.with((m, rules) -> {
                List<String> companies = company != null ? List.of(company) : m.store().companies();
                int periods = 0;
                for (String name : companies) {
                    periods += m.rediagnose(name, rules);
                }
                return periods + " period(s) of " + companies.size() + " company(ies) diagnosed under rule set "
                        + rules.version();
            }, true);
            Output.print(spec, done);
            return 0;
        }

        /** The service re-diagnoses every company under its own rules, in the background: waits for it to end. */
        private String rediagnoseThrough(ServiceClient remote) throws InterruptedException {
            if (company != null) {
                throw new UsageException("through a service, rediagnose takes every company: leave out " + company);
            }
            var status = remote.json(remote.send("POST", "/api/v1/companies/rediagnose", null, null));
            while (status.get("state").asString().equals("running")) {
                Thread.sleep(500);
                status = remote.json(remote.get("/api/v1/companies/rediagnose/"
                        + ServiceClient.segment(status.get("id").asString()), "application/json"));
            }
            if (!status.get("state").asString().equals("done")) {
                throw new ServiceClient.ServiceRefusedException(500, "the re-diagnosis failed: "
                        + status.path("error").asString());
            }
            return status.get("periods_done").asInt() + " period(s) of " + status.get("companies_done").asInt()
                    + " company(ies) diagnosed under rule set " + status.get("rule_set_version").asString();
        }
    }
}
