package com.healthadvisor.embedding;

import com.healthadvisor.MavenWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "Embedding in Java", done as a user would: the plain jar installed as a Maven dependency
 * ({@code <classifier>plain</classifier>}), a project of its own that depends on it, and its main method run.
 */
class EmbeddingIT {

    private static final Path PROJECT = MavenWrapper.PROJECT;

    @Test
    void aMavenProjectDependingOnThePlainJarDiagnosesASnapshot(@TempDir Path consumer) throws Exception {
        String version = projectVersion();
        MavenWrapper.installPlainJar();
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
                        <dependency>
                            <groupId>com.healthadvisor</groupId>
                            <artifactId>health-advisor</artifactId>
                            <version>%s</version>
                            <classifier>plain</classifier>
                        </dependency>
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
                """.formatted(version));
        Path source = consumer.resolve("src/main/java/example/Embed.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package example;

                import com.healthadvisor.HealthAdvisor;
                import com.healthadvisor.diagnosis.DiagnosisResult;
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class Embed {
                    public static void main(String[] args) throws Exception {
                        HealthAdvisor advisor = HealthAdvisor.fromRules(Path.of(args[0]));
                        DiagnosisResult result = advisor.diagnose(Files.readString(Path.of(args[1])));
                        System.out.println("health=" + result.health() + " top=" + result.top().code());
                    }
                }
                """);

        String output = MavenWrapper.run(consumer, Duration.ofMinutes(5), "-q", "compile", "exec:java",
                "-Dexec.mainClass=example.Embed",
                "-Dexec.args=" + PROJECT.resolve("rules") + " " + PROJECT.resolve("fixtures/seed-2-warning-signs.json"));

        assertThat(output).contains("health=critical top=RETENTION_FIRST");
    }

    private static String projectVersion() throws Exception {
        String pom = Files.readString(PROJECT.resolve("pom.xml"));
        int artifact = pom.indexOf("<artifactId>health-advisor</artifactId>");
        int start = pom.indexOf("<version>", artifact) + "<version>".length();
        return pom.substring(start, pom.indexOf("</version>", start));
    }

}
