package com.healthadvisor.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTest {

    @Test
    void leavesLambdaProxiesOutOfTheArchive() {
        List<String> loaded = List.of("java/lang/Object id: 0",
                "@lambda-proxy org/springframework/boot/SpringApplication run ()Ljava/lang/Runnable; x",
                "org/springframework/boot/SpringApplication id: 1");

        assertThat(ClassDataArchive.archivable(loaded))
                .containsExactly("java/lang/Object id: 0", "org/springframework/boot/SpringApplication id: 1");
    }

    @Test
    void findsTheArchiveBesideTheThinJarOrInServiceBesideTheFatJar(@TempDir Path target) throws Exception {
        Path fatJar = Files.createFile(target.resolve("health-advisor.jar"));
        Path service = Files.createDirectories(target.resolve("service"));
        Path thinJar = Files.createFile(service.resolve(ClassDataArchive.JAR));
        assertThat(ClassDataArchive.besideJar(fatJar)).isEmpty();

        Path archive = Files.createFile(service.resolve(ClassDataArchive.ARCHIVE));

        assertThat(ClassDataArchive.besideJar(fatJar)).contains(archive);
        assertThat(ClassDataArchive.besideJar(thinJar)).contains(archive);
    }
}
