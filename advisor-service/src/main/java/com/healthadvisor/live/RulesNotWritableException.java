package com.healthadvisor.live;

import java.nio.file.Path;

/** The rules directory did not take a change (read-only, full): nothing was changed or recorded. */
public class RulesNotWritableException extends RuntimeException {

    public RulesNotWritableException(Path directory, Throwable cause) {
        super("the rules directory " + directory.getFileName() + " did not take the change (" + cause.getClass()
                .getSimpleName() + "); nothing was changed: check that the service may write there", cause);
    }
}
