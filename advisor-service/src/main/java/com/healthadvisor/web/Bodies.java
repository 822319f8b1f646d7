package com.healthadvisor.web;

import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body without ever holding more than the limit in memory. */
final class Bodies {

    private Bodies() {
    }

    /** The body as a stream that fails with {@link PayloadTooLargeException} past the limit, for bodies read as they come. */
    static InputStream limited(HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw new PayloadTooLargeException(limit);
        }
        return new FilterInputStream(request.getInputStream()) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                count(Math.max(read, 0));
                return read;
            }

            private void count(int bytes) {
                count += bytes;
                if (count > limit) {
                    throw new PayloadTooLargeException(limit);
                }
            }
        };
    }

    static byte[] read(HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw new PayloadTooLargeException(limit);
        }
        long declared = request.getContentLengthLong();
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                body.write(buffer, 0, read);
                if (body.size() > limit) {
                    throw new PayloadTooLargeException(limit);
                }
            }
        }
        return body.toByteArray();
    }
}
