package com.healthadvisor.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Two request threads per core, unless {@code advisor.worker-threads} says otherwise. A diagnosis is pure
 * CPU work, so more threads than that only queue inside the JVM; but one per core left a request stuck
 * behind a slow one (a GC, a JIT compile) with no thread free. With wrk's 16 connections on 2 cores after
 * 40 s of warm-up: 1 thread 2,600 requests/s and 25 to 84 ms p99; 2 threads 3,800 to 4,400/s and 43 to
 * 51 ms; 4 threads 3,600 to 4,200/s and 20 to 24 ms; 16 threads 1,900 to 2,700/s and 32 to 39 ms.
 * Also where the connector's handling of encoded slashes is set.
 */
@Component
class WorkerThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final AdvisorProperties properties;

    WorkerThreads(AdvisorProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        int threads = properties.workerThreads() > 0 ? properties.workerThreads()
                : 2 * Runtime.getRuntime().availableProcessors();
        factory.addConnectorCustomizers(connector -> {
            // An encoded slash goes on to Spring Security's firewall, which refuses it as a problem detail;
            // Tomcat's own refusal would be an HTML page.
            connector.setEncodedSolidusHandling("passthrough");
            if (connector.getProtocolHandler() instanceof org.apache.coyote.AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(threads);
                protocol.setMinSpareThreads(Math.min(threads, protocol.getMinSpareThreads()));
            }
        });
    }
}
