package com.healthadvisor.cli;

/** Bad usage that picocli cannot see, such as a file that does not exist: exit 2. */
class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
