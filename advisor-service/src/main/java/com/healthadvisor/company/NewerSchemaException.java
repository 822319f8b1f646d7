package com.healthadvisor.company;

/** The database was migrated by a newer build: this one refuses to start rather than misread or damage it. */
public class NewerSchemaException extends RuntimeException {

    public NewerSchemaException(String message) {
        super(message);
    }
}
