package com.healthadvisor.company;

/** A company or period that was never stored (or was deleted). */
public class NoSuchPeriodException extends RuntimeException {

    public NoSuchPeriodException(String message) {
        super(message);
    }

    /** A company that stored nothing (or was deleted). */
    public static NoSuchPeriodException noCompany(String company) {
        return new NoSuchPeriodException("no company \"" + company + "\" is stored");
    }
}
