package com.healthadvisor.company;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The company memory on the embedded database the service uses by default: an H2 file. */
class CompanyMemoryOnH2Test extends CompanyMemoryContract {

    private static final String URL;

    static {
        try {
            URL = "jdbc:h2:file:" + Files.createTempDirectory("advisor-h2").resolve("advisor") + ";LOCK_TIMEOUT=60000";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    String url() {
        return URL;
    }
}
