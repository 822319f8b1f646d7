package com.healthadvisor.company;

import java.util.List;

/** A company's stored periods, oldest first, as the API and the CLI answer them. */
public record Timeline(String company, List<TimelineEntry> periods) {
}
