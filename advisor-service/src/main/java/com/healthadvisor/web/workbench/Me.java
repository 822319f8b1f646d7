package com.healthadvisor.web.workbench;

import org.springframework.security.core.Authentication;

/** Who is signed in, and what their role lets the pages offer: read-only where it may not write. */
public record Me(String name, String role, boolean analyst, boolean admin) {

    static Me of(Authentication authentication) {
        boolean admin = has(authentication, "ROLE_ADMIN");
        boolean analyst = has(authentication, "ROLE_ANALYST");
        return new Me(authentication.getName(), admin ? "admin" : analyst ? "analyst" : "viewer", analyst, admin);
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
