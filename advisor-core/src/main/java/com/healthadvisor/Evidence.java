package com.healthadvisor;

/** One metric that supports a diagnosis, with the benchmark band it falls in (benchmark and band may be null). */
public record Evidence(String metric, String scope, double value, String unit, String band, String benchmark) {
}
