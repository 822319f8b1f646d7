package com.healthadvisor.ruleset;

import org.drools.drl.ast.descr.BaseDescr;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every descriptor type in the Drools jars on the class path has been looked at: allowed with a check of its own,
 * or refused by name. A Drools upgrade that brings a new one fails this test (and the checker refuses the new type
 * meanwhile) until someone reads what it holds and decides.
 */
class DescriptorsTest {

    @Test
    void everyDescriptorTypeInTheDroolsJarsIsAllowedOrRefusedByName() throws IOException {
        List<Class<?>> descriptors = descriptorTypes();

        assertThat(descriptors).as("descriptor types found in the Drools jars").hasSizeGreaterThan(60)
                .contains(org.drools.drl.ast.descr.GroupByDescr.class, org.drools.drl.ast.descr.PatternDescr.class);
        assertThat(descriptors).filteredOn(type -> !Descriptors.classified(type))
                .as("descriptor types nobody has allowed or refused").isEmpty();
    }

    @Test
    void aDescriptorTypeNobodyNamedIsRefused() {
        BaseDescr unknown = new BaseDescr() { };

        assertThat(Descriptors.allowed(unknown.getClass())).isFalse();
        assertThat(Descriptors.allowed(org.drools.drl.ast.descr.GroupByDescr.class)).isFalse();
        assertThat(Descriptors.allowed(org.drools.drl.ast.descr.QueryDescr.class)).isFalse();
        assertThat(Descriptors.name(unknown)).isNotBlank();
    }

    /** The subclasses of BaseDescr in every jar of the class path whose name says Drools. */
    private static List<Class<?>> descriptorTypes() throws IOException {
        List<Class<?>> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !new File(entry).getName().startsWith("drools-")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                for (JarEntry file : Collections.list(jar.entries())) {
                    Class<?> type = load(file.getName());
                    if (type != null && BaseDescr.class.isAssignableFrom(type)) {
                        found.add(type);
                    }
                }
            }
        }
        return found;
    }

    private static Class<?> load(String entry) {
        if (!entry.endsWith(".class") || entry.contains("module-info") || entry.contains("package-info")) {
            return null;
        }
        try {
            return Class.forName(entry.replace('/', '.').substring(0, entry.length() - 6), false,
                    DescriptorsTest.class.getClassLoader());
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // a class whose dependencies are not on the class path is no descriptor the parser makes
        }
    }
}
