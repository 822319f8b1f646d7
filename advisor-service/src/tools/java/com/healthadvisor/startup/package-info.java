/**
 * How the service starts fast: the build lays the jar out for the JVM's class-data sharing and archives the
 * classes a start loads ({@link com.healthadvisor.startup.ClassDataArchive}); {@link
 * com.healthadvisor.startup.ServiceProcess} starts the service in a JVM of its own, for that and for the benchmark.
 */
package com.healthadvisor.startup;
