package com.healthadvisor.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How rules may change over the network ({@code advisor.rules.*}, beside {@code advisor.rules}, the directory).
 *
 * @param networkDrl whether DRL files may change over HTTP and the workbench, by admins only
 *                   ({@code ADVISOR_RULES_NETWORK_DRL}). Off by default: rule logic is code, and code changes on
 *                   disk (the rules directory, {@code rules check}, a pull request); over the network, benchmarks,
 *                   limits and wording change
 */
@ConfigurationProperties("advisor.rules")
public record RuleChangeSettings(@DefaultValue("false") boolean networkDrl) {
}
