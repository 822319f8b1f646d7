package com.healthadvisor.web;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.time.Duration;

/**
 * A floor under the rate a request's body arrives at. Tomcat's socket timeout counts from the last byte, so a
 * client that trickles a byte every two seconds would hold a request thread for as long as it likes (a sign-in form,
 * an upload); with enough of them nothing is left for health checks. After a grace period
 * ({@code advisor.request-body-timeout}) the body must have come at least at {@code advisor.request-body-min-rate}
 * on average, else the read fails and the connection is closed without reading the rest. A large upload over a
 * slow but honest link keeps going; a trickle is dropped soon after the grace period. Every read of the body,
 * however the application reads it (a stream, form parameters, a multipart upload), goes through {@link Floor}.
 * What happens after the body is read (a long diagnosis, a large report) is not limited here.
 */
final class SlowBodyValve extends ValveBase {

    private final long graceNanos;
    private final long bytesPerSecond;

    SlowBodyValve(Duration grace, DataSize minRate) {
        super(true);
        this.graceNanos = grace.toNanos();
        this.bytesPerSecond = minRate.toBytes();
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            // No body to wait for (most GETs): nothing to wrap on the way to a diagnosis's answer.
            getNext().invoke(request, response);
            return;
        }
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        InputBuffer body = coyote.getInputBuffer();
        coyote.setInputBuffer(new Floor(body, coyote, System.nanoTime()));
        try {
            getNext().invoke(request, response);
        } finally {
            // Tomcat keeps the request object for the connection's next request.
            coyote.setInputBuffer(body);
        }
    }

    /** The connection's reads, refused once the body has come too slowly for longer than the grace period. */
    private final class Floor implements InputBuffer {

        private final InputBuffer body;
        private final org.apache.coyote.Request request;
        private final long start;
        private long received;

        Floor(InputBuffer body, org.apache.coyote.Request request, long start) {
            this.body = body;
            this.request = request;
            this.start = start;
        }

        @Override
        public int doRead(ApplicationBufferHandler handler) throws IOException {
            long elapsed = System.nanoTime() - start;
            if (elapsed > graceNanos && received < bytesPerSecond * (elapsed / 1_000_000_000.0)) {
                // Nothing more is read: not the rest of the body, nor what Tomcat would swallow after the response.
                request.action(ActionCode.CLOSE_NOW, null);
                throw new IOException("the request body came slower than advisor.request-body-min-rate");
            }
            int read = body.doRead(handler);
            received += Math.max(read, 0);
            return read;
        }

        @Override
        public int available() {
            return body.available();
        }
    }
}
