package com.healthadvisor.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the lines of a CSV body as it is read, for the ledger-rows meter; no second pass over the bytes. */
final class LineCounter extends FilterInputStream {

    private long newlines;
    private int last = '\n';

    LineCounter(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            seen((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = 0; i < read; i++) {
            seen(buffer[offset + i]);
        }
        return read;
    }

    private void seen(byte b) {
        if (b == '\n') {
            newlines++;
        }
        last = b;
    }

    /** Lines after the header (a last line without a newline counts); a quoted line break counts as a line. */
    long rows() {
        long lines = newlines + (last == '\n' ? 0 : 1);
        return Math.max(0, lines - 1);
    }
}
