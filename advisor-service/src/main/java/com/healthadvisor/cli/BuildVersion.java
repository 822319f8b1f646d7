package com.healthadvisor.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code --version}: the version this build was made as ({@code META-INF/build-info.properties}, the file
 * {@code /actuator/info} reads) and its commit ({@code git.properties}), so that a command line and a service
 * name the same build.
 */
final class BuildVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = property("META-INF/build-info.properties", "build.version");
        String commit = property("git.properties", "git.commit.id.abbrev");
        return new String[] {"Health Advisor " + (version == null ? "(version unknown: not built by Maven)" : version)
                + (commit == null ? "" : " (commit " + commit + ")")};
    }

    private static String property(String resource, String name) {
        try (InputStream in = BuildVersion.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(name);
        } catch (IOException e) {
            return null;
        }
    }
}
