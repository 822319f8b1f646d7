package com.healthadvisor.bench;

import com.healthadvisor.startup.ClassDataArchive;
import com.healthadvisor.startup.ServiceProcess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What this machine allows any service built as the advisor is (Java 17, Spring Boot's Tomcat, Spring MVC, Jackson
 * and Actuator), measured on {@link BareSpringBoot}: its start-up to healthy with a class-data archive of its own,
 * trained as the service's is, and its requests per second under the bench's wrk load. The service's start-up and
 * HTTP targets are read against these: a target below them asks more of the advisor than of an application that does
 * nothing.
 */
final class BareSpringBootFloor {

    /** The jars of Spring Boot's web and actuator starters, found among the service's own (target/service/lib). */
    private static final Pattern WEB_STARTER = Pattern.compile("(spring-boot-(\\d|actuator|autoconfigure|health|"
            + "http-converter|jackson|micrometer|servlet|tomcat|web-server|webmvc)|spring-(core|beans|context|aop|"
            + "expression|web|webmvc|jcl)-|tomcat-embed-(core|el)|jackson|micrometer|prometheus|logback|slf4j|jul-to|"
            + "log4j-to|commons-logging|snakeyaml|HdrHistogram|LatencyUtils|jspecify|jakarta\\.annotation).*\\.jar");

    record Figures(long startupMillis, Wrk.Result http) {
    }

    private BareSpringBootFloor() {
    }

    static Figures measure(Path lib, Path snapshot, int answerBytes, boolean quick) throws Exception {
        Path work = Files.createTempDirectory("bench-bare-spring-boot");
        try {
            String classPath = classPath(lib, work.resolve("bare-spring-boot.jar"));
            Path classList = work.resolve("classes.lst");
            Path archive = work.resolve("bare-spring-boot.jsa");
            start(classPath, "-XX:DumpLoadedClassList=" + classList, answerBytes).close();
            // As the service's build makes its own (lambda proxies left out: Java 17's writer can crash on them).
            ClassDataArchive.dump(classList, classPath, archive, work.resolve("dump.log"));
            try (ServiceProcess bare = start(classPath, "-XX:SharedArchiveFile=" + archive, answerBytes)) {
                Wrk.run(bare.port, snapshot, quick ? Duration.ofSeconds(30) : Duration.ofSeconds(60));
                Wrk.Result http = Wrk.run(bare.port, snapshot, quick ? Duration.ofSeconds(8) : Duration.ofSeconds(15));
                return new Figures(bare.startupMillis, http);
            }
        } finally {
            MemoryBench.delete(work);
        }
    }

    private static ServiceProcess start(String classPath, String archiveOption, int answerBytes) throws Exception {
        int port = ServiceProcess.freePort();
        return ServiceProcess.launch(List.of(archiveOption, "-cp", classPath,
                BareSpringBoot.class.getName(), String.valueOf(port), String.valueOf(answerBytes)), port, Map.of(),
                null);
    }

    /**
     * The web starter's jars and a jar of {@link BareSpringBoot} alone (a class-data archive takes classes from jars
     * only, and the tools' classes directory holds the whole bench).
     */
    private static String classPath(Path lib, Path ownJar) throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(jar -> WEB_STARTER.matcher(jar.getFileName().toString()).matches()).sorted()
                    .forEach(jar -> entries.add(jar.toAbsolutePath().toString()));
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("no Spring Boot jars in " + lib);
        }
        String name = BareSpringBoot.class.getName().replace('.', '/') + ".class";
        try (InputStream in = BareSpringBoot.class.getClassLoader().getResourceAsStream(name);
             OutputStream out = Files.newOutputStream(ownJar); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry(name));
            in.transferTo(jar);
            jar.closeEntry();
        }
        entries.add(ownJar.toAbsolutePath().toString());
        return String.join(java.io.File.pathSeparator, entries);
    }
}
