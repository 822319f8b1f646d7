package com.healthadvisor;

import java.util.List;

/** One concrete next step and the role that owns it. */
public record Action(String action, String owner) {

    public static final List<String> OWNERS = List.of("Executive", "Finance", "Revenue Operations", "Sales",
            "Marketing", "Customer Success", "Product");
}
