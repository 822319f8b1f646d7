package com.healthadvisor;

import com.healthadvisor.snapshot.Echo;

/** One thing wrong with a snapshot: the JSON pointer of the field and what is wrong with it. */
public record Violation(String pointer, String message) {

    public Violation {
        message = Echo.message(message);
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
