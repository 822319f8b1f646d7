package com.healthadvisor.snapshot;

/** Recognised revenue of the period, gross, and what is deducted from it to reach net. */
public record Revenue(Double gross, Double discounts, Double refunds, Double credits) {
}
