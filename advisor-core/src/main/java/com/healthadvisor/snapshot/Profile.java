package com.healthadvisor.snapshot;

import java.util.List;

/** Who the company is, to choose benchmarks: stage, market and go-to-market model (each may be null). */
public record Profile(String stage, String market, String model) {

    public static final Profile NONE = new Profile(null, null, null);

    /** The words of contract.md: stages select growth benchmarks, markets select ARPA bands. */
    public static final List<String> STAGES = List.of("early", "growth", "scale");
    public static final List<String> MARKETS = List.of("smb", "mid_market", "enterprise", "mixed");
    public static final List<String> MODELS = List.of("plg", "sales_led", "hybrid");
}
