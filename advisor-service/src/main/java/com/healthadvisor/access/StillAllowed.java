package com.healthadvisor.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A workbench session holds who signed in and their role as they were then; an admin may since have disabled them
 * or changed their role, perhaps on another replica. So each request looks the person up again: a disabled or
 * removed person's session ends (back to the sign-in page), and a changed role counts from the next request.
 */
final class StillAllowed extends OncePerRequestFilter {

    private final People people;

    StillAllowed(People people) {
        this.people = people;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (!isAsset(request) && signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.getPrincipal() instanceof UserDetails) {
            Optional<UserDetails> now = people.find(signedIn.getName());
            if (now.isEmpty() || !now.get().isEnabled()) {
                endSession(request);
                response.sendRedirect(request.getContextPath() + "/login?disabled");
                return;
            }
            if (!names(now.get().getAuthorities()).equals(names(signedIn.getAuthorities()))) {
                // For this request; the next one looks again, so the session need not be rewritten.
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now.get(), null,
                        now.get().getAuthorities()));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    /** The style sheet, script and icon every page loads: open to anyone, so not worth a look-up each. */
    private static boolean isAsset(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/assets/") || path.equals("/favicon.ico");
    }

    private static void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    private static Set<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
