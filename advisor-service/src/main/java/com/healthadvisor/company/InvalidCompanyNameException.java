package com.healthadvisor.company;

/** A company name that cannot be one: it appears in paths, so it is kept to a safe alphabet. */
public class InvalidCompanyNameException extends IllegalArgumentException {

    public InvalidCompanyNameException(String message) {
        super(message);
    }
}
