package com.healthadvisor.web;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

import java.io.IOException;
import java.time.Duration;

/**
 * A deadline for receiving a request's body. Tomcat's socket timeout counts from the last byte, so a client that
 * trickles a byte every two seconds would hold a request thread for as long as it likes (a sign-in form, an
 * upload); with enough of them nothing is left for health checks. Every read of the body, however the application
 * reads it (a stream, form parameters, a multipart upload), goes through {@link Deadline}: once the deadline has
 * passed, the read fails and the connection is closed without reading the rest. What happens after the body is read
 * (a long diagnosis, a large report) is not limited here.
 */
final class SlowBodyValve extends ValveBase {

    private final long deadlineNanos;

    SlowBodyValve(Duration deadline) {
        super(true);
        this.deadlineNanos = deadline.toNanos();
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        InputBuffer body = coyote.getInputBuffer();
        coyote.setInputBuffer(new Deadline(body, coyote, System.nanoTime() + deadlineNanos));
        try {
            getNext().invoke(request, response);
        } finally {
            // Tomcat keeps the request object for the connection's next request.
            coyote.setInputBuffer(body);
        }
    }

    /** The connection's reads, refused once the deadline has passed. */
    private record Deadline(InputBuffer body, org.apache.coyote.Request request, long until) implements InputBuffer {

        @Override
        public int doRead(ApplicationBufferHandler handler) throws IOException {
            if (System.nanoTime() - until > 0) {
                // Nothing more is read: not the rest of the body, nor what Tomcat would swallow after the response.
                request.action(ActionCode.CLOSE_NOW, null);
                throw new IOException("the request body did not arrive within advisor.request-body-timeout");
            }
            return body.doRead(handler);
        }

        @Override
        public int available() {
            return body.available();
        }
    }
}
