package com.healthadvisor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rules pull} and {@code rules push}: a rule file of a running service, edited where one likes and sent
 * back only if nobody changed it meanwhile. Pull prints the file's ETag; push sends it as If-Match, and the
 * service refuses the push (412) when the file has changed since, instead of writing over the other change.
 */
final class RemoteRuleFiles {

    private RemoteRuleFiles() {
    }

    /** The running service and its token, as the company commands take them. */
    static class Service {

        @Option(names = "--service", paramLabel = "URL", defaultValue = "${env:ADVISOR_SERVICE_URL}",
                description = "the running service (e.g. http://localhost:8080), with an analyst's or admin's "
                        + "bearer token in ADVISOR_TOKEN (default: ADVISOR_SERVICE_URL)")
        String service;

        /** For tests and scripts that cannot set the environment; a token on a command line shows in ps. */
        @Option(names = "--token", hidden = true, defaultValue = "${env:ADVISOR_TOKEN}")
        String token;

        ServiceClient client() {
            if (service == null || service.isBlank()) {
                throw new UsageException("name the service: --service URL or ADVISOR_SERVICE_URL");
            }
            return new ServiceClient(service, token);
        }
    }

    static String path(String name) {
        return "/api/v1/rules/files/" + ServiceClient.segment(name);
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Reads a rule file from a running service with its ETag, the version a push replaces: "
                    + "with --output the file is written there and the ETag printed; without, the file is printed "
                    + "and the ETag goes to standard error.")
    static class Pull implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Service service;

        @Parameters(index = "0", paramLabel = "NAME", description = "the rule file, e.g. limits.csv")
        String name;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write it")
        Path output;

        @Override
        public Integer call() throws IOException {
            ServiceClient.Tagged file = service.client().getTagged(path(name), "text/plain");
            PrintWriter out = spec.commandLine().getOut();
            if (output != null) {
                Files.write(output, file.body());
                out.println(file.etag());
            } else {
                out.print(new String(file.body(), java.nio.charset.StandardCharsets.UTF_8));
                spec.commandLine().getErr().println("ETag: " + file.etag() + " (push with --if-match '"
                        + file.etag() + "')");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = "Sends a rule file to a running service, vetted there like any change. With --if-match "
                    + "ETAG (what pull printed) it is applied only if the service's file is still that version; "
                    + "otherwise it is refused and nothing changes. Without, it replaces whatever is there, and "
                    + "says which version it replaced.")
    static class Push implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Service service;

        @Parameters(index = "0", paramLabel = "NAME", description = "the rule file's name on the service")
        String name;

        @Parameters(index = "1", paramLabel = "FILE", description = "the edited file, or - for standard input")
        String file;

        @Option(names = "--if-match", paramLabel = "ETAG", description = "the ETag pull printed")
        String ifMatch;

        @Override
        public Integer call() {
            ServiceClient client = service.client();
            byte[] content = Inputs.read(file, System.in);
            ServiceClient.Tagged answer;
            try {
                answer = client.putTagged(path(name), "text/plain; charset=utf-8", content, ifMatch);
            } catch (ServiceClient.ServiceRefusedException e) {
                if (e.status == 412) {
                    throw new UsageException(name + " changed on the service since it was read, so this push would "
                            + "have undone that change; nothing was changed. Pull it again, make the edit on what "
                            + "it is now, and push with the new ETag");
                }
                throw e;
            }
            Output.print(spec, new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
            PrintWriter err = spec.commandLine().getErr();
            if ((ifMatch == null || ifMatch.isBlank()) && answer.replacedEtag() != null) {
                err.println("note: pushed without --if-match: replaced " + name + " " + answer.replacedEtag()
                        + ", whatever it held");
            }
            if (answer.etag() != null) {
                err.println("ETag: " + answer.etag());
            }
            err.flush();
            return 0;
        }
    }
}
