package com.healthadvisor.web.workbench;

import com.healthadvisor.access.Role;
import org.springframework.security.core.Authentication;

/** Who is signed in, and what their role lets the pages offer: read-only where it may not write. */
public record Me(String name, String role, boolean analyst, boolean admin) {

    static Me of(Authentication authentication) {
        Role role = Role.of(authentication);
        return new Me(authentication.getName(), role == null ? Role.VIEWER.word() : role.word(),
                Role.ANALYST.heldBy(authentication), Role.ADMIN.heldBy(authentication));
    }
}
