package com.healthadvisor.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Who a person or a token is to the service, lowest first: a viewer reads, an analyst also stores snapshots and
 * changes benchmarks, limits and wording, an admin also deletes companies and, where allowed, changes DRL. Each role
 * includes the ones before it: that order is the one role hierarchy, and a signed-in caller holds the authorities
 * of its role and of every role it includes.
 */
public enum Role {
    VIEWER, ANALYST, ADMIN;

    /** How settings and pages write it: {@code viewer}, {@code analyst}, {@code admin}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a setting names; null for a word that is no role. */
    public static Role of(String word) {
        return Arrays.stream(values()).filter(role -> role.word().equals(word)).findFirst().orElse(null);
    }

    /** This role and every role it includes, as Spring Security's authorities ({@code ROLE_VIEWER}, ...). */
    public List<GrantedAuthority> authorities() {
        return AuthorityUtils.createAuthorityList(Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal())
                .map(role -> "ROLE_" + role.name()).toList());
    }

    /** Whether a signed-in caller has this role, by its own or by one that includes it. */
    public boolean heldBy(Authentication caller) {
        return caller != null && caller.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + name()));
    }

    /** The highest role a caller holds; null for a caller with none (an API key). */
    public static Role of(Authentication caller) {
        for (int i = values().length - 1; i >= 0; i--) {
            if (values()[i].heldBy(caller)) {
                return values()[i];
            }
        }
        return null;
    }
}
