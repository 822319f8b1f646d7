package com.healthadvisor.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The workbench's people on the embedded database the service uses by default: an H2 file. */
class PeopleOnH2Test extends PeopleContract {

    private static final String URL;

    static {
        try {
            URL = "jdbc:h2:file:" + Files.createTempDirectory("advisor-people").resolve("advisor") + ";LOCK_TIMEOUT=60000";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    String url() {
        return URL;
    }
}
