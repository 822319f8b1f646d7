package com.healthadvisor.web;

import com.healthadvisor.settings.AdvisorProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The connector: Tomcat's own thread count (200) unless {@code advisor.worker-threads} says otherwise, so that slow
 * clients cannot take every thread (with two per core, eight clients trickling a sign-in form left health checks
 * unanswered); a floor under the rate a request's body arrives at ({@link SlowBodyValve}); the handling of encoded
 * slashes; and a socket write buffer that takes a typical answer whole.
 */
@Component
class WorkerThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** The socket's write buffer per connection (Tomcat's is 8 KB). */
    static final int WRITE_BUFFER_BYTES = 24 * 1024;

    private final AdvisorProperties properties;

    WorkerThreads(AdvisorProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new SlowBodyValve(properties.requestBodyTimeout(), properties.requestBodyMinRate()));
        factory.addConnectorCustomizers(connector -> {
            // An encoded slash goes on to Spring Security's firewall, which refuses it as a problem detail;
            // Tomcat's own refusal would be an HTML page.
            connector.setEncodedSolidusHandling("passthrough");
            // The diagnosis of a typical snapshot (seed example 2: 18.7 KB with its headers) goes to the socket in
            // one call instead of three of Tomcat's 8 KB: about 4% more diagnoses a second. Each open connection
            // holds this buffer.
            connector.setProperty("socket.appWriteBufSize", String.valueOf(WRITE_BUFFER_BYTES));
            if (properties.workerThreads() > 0
                    && connector.getProtocolHandler() instanceof org.apache.coyote.AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(properties.workerThreads());
                protocol.setMinSpareThreads(Math.min(properties.workerThreads(), protocol.getMinSpareThreads()));
            }
        });
    }
}
