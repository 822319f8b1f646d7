package com.healthadvisor.embedding;

import com.healthadvisor.MavenWrapper;
import com.healthadvisor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "Embedding in Java", done as a user would: the core installed in the local Maven repository, a project of
 * its own whose pom has README's dependency block and whose one class is README's Java block as printed, imports
 * included, compiled against the core alone and run in a directory with the rules and a snapshot.
 */
class EmbeddingIT {

    private static final Path PROJECT = MavenWrapper.PROJECT;

    @Test
    void readmesExampleCompilesAsPrintedAgainstTheCoreAndDiagnoses(@TempDir Path consumer) throws Exception {
        MavenWrapper.installCore();
        String readme = Files.readString(PROJECT.resolve("README.md"));
        String dependency = block(readme, "xml");
        String program = block(readme, "java");
        Files.writeString(consumer.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>example</groupId>
                    <artifactId>embeds-health-advisor</artifactId>
                    <version>1</version>
                    <properties>
                        <maven.compiler.release>17</maven.compiler.release>
                        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    </properties>
                    <dependencies>
                %s
                    </dependencies>
                    <build>
                        <plugins>
                            <plugin>
                                <groupId>org.apache.maven.plugins</groupId>
                                <artifactId>maven-compiler-plugin</artifactId>
                                <version>3.15.0</version>
                            </plugin>
                            <plugin>
                                <groupId>org.codehaus.mojo</groupId>
                                <artifactId>exec-maven-plugin</artifactId>
                                <version>3.6.4</version>
                            </plugin>
                        </plugins>
                    </build>
                </project>
                """.formatted(dependency.replace("0.1.0-SNAPSHOT", MavenWrapper.version())));
        String className = program.replaceAll("(?s).*public class (\\w+).*", "$1");
        Path source = consumer.resolve("src/main/java/" + className + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, program);
        TestFiles.copy(PROJECT.resolve("rules"), consumer.resolve("rules"), ".*");
        Files.copy(PROJECT.resolve("fixtures/seed-2-warning-signs.json"), consumer.resolve("snapshot.json"));

        String output = MavenWrapper.run(consumer, Duration.ofMinutes(5), "-q", "compile", "exec:java",
                "-Dexec.mainClass=" + className);

        assertThat(output).contains("critical", "Stop scaling acquisition: fix retention first");
        String tree = MavenWrapper.run(consumer, Duration.ofMinutes(5), "dependency:list", "-DincludeScope=runtime");
        assertThat(tree).as("the core alone: no Spring, no web server, no database")
                .doesNotContain("org.springframework", "tomcat", "com.h2database", "org.postgresql");
    }

    /** The first fenced block of a language in README's "Embedding in Java" section. */
    private static String block(String readme, String language) {
        int section = readme.indexOf("## Embedding in Java");
        assertThat(section).as("README has its embedding section").isNotNegative();
        int start = readme.indexOf("```" + language + "\n", section) + language.length() + 4;
        return readme.substring(start, readme.indexOf("```", start));
    }
}
