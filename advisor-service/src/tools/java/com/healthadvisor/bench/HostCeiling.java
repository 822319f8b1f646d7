package com.healthadvisor.bench;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What this host does under the bench's HTTP load when the server does no work: the JDK's own HTTP server reads each
 * request's body and answers with as many bytes as a diagnosis is long. The service's figure is judged against its
 * target; this one says how much of the machine's loopback, kernel and wrk itself leave for the service.
 */
final class HostCeiling {

    private HostCeiling() {
    }

    /** wrk's figures against a server that answers {@code answerBytes} bytes to every request, warm. */
    static Wrk.Result measure(Path snapshot, int answerBytes, Duration warmUp, Duration measured) throws Exception {
        // Read once, when the JDK's server is first used: without it every answer waits for the client's delayed
        // acknowledgement (40 ms), which would measure Nagle's algorithm instead of the host.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] answer = new byte[answerBytes];
        Arrays.fill(answer, (byte) ' ');
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_000);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
        try {
            int port = server.getAddress().getPort();
            Wrk.run(port, snapshot, warmUp);
            return Wrk.run(port, snapshot, measured);
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
