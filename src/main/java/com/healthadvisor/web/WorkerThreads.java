package com.healthadvisor.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * As many request threads as cores, unless {@code advisor.worker-threads} says otherwise. A diagnosis is
 * pure CPU work; on a 2-core machine 200 threads (Tomcat's default) served about 400 requests/s where 2
 * served about 4,000 with wrk on loopback. Connections beyond that wait in Tomcat's accept queue.
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
                : Math.max(2, Runtime.getRuntime().availableProcessors());
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof org.apache.coyote.AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(threads);
                protocol.setMinSpareThreads(Math.min(threads, protocol.getMinSpareThreads()));
            }
        });
    }
}
