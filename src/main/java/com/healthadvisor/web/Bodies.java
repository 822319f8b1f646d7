package com.healthadvisor.web;

import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body without ever holding more than the limit in memory. */
final class Bodies {

    private Bodies() {
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
