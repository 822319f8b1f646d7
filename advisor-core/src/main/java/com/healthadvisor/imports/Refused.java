package com.healthadvisor.imports;

/** Why one object or line of an export is refused; the reader that catches it names the object or the line. */
final class Refused extends RuntimeException {

    Refused(String message) {
        super(message);
    }
}
