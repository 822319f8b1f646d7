package com.healthadvisor.access;

import com.healthadvisor.settings.AdvisorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;



/**
 * The workbench's sign-in: a form for the {@link People} an admin manages on the users page and those of
 * {@code advisor.users} (passwords kept as hashes only); the first admin's password comes from
 * ADVISOR_INITIAL_ADMIN_PASSWORD, once; there is no default password. A session ends when its person is disabled,
 * and a changed role counts from the next request ({@link StillAllowed}). The session
 * is a cookie (HttpOnly, Secure, SameSite=Strict: application.yaml); every form carries a CSRF token. Who may open
 * which page is {@link AccessRules#WORKBENCH}: a viewer reads; anything that writes (submitting numbers, changing
 * rules) needs an analyst, and DRL an admin ({@link RuleChangeRights}, per file, as the API does). The API keeps its
 * own chain, with tokens and keys ({@link ApiSecurity}).
 */
@Configuration(proxyBeanMethods = false)
public class WorkbenchSecurity {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchSecurity.class);
    /** Only the service's own files: no inline script, no other origin; the report's charts need inline style. */
    private static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain workbenchFilterChain(HttpSecurity http, People people, java.time.Clock clock)
            throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(people);
        passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        http.authenticationProvider(new ThrottledSignIn(passwords, new SignInThrottle(clock)))
                .addFilterBefore(new StillAllowed(people), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> AccessRules.authorize(requests, AccessRules.WORKBENCH, false))
                .formLogin(form -> form.loginPage("/login").successHandler(backWhereYouWere()).permitAll()
                        .failureHandler(signInFailure()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/denied").authenticationEntryPoint(signInPage()))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_POLICY)));
        return http.build();
    }

    /**
     * The sign-in page as a relative redirect: an absolute one is built from the request's Host header, which a
     * client chooses ({@code Host: evil.example} would send the browser there).
     */
    private static org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint signInPage() {
        var entryPoint = new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /**
     * After signing in, back to the page that asked for it, as a path: the page was saved with the scheme and host
     * of the request, and the host is whatever the client's {@code Host} header said.
     */
    private static org.springframework.security.web.authentication.AuthenticationSuccessHandler backWhereYouWere() {
        var handler = new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/");
        handler.setRedirectStrategy((request, response, url) -> response.sendRedirect(pathOf(url)));
        return handler;
    }

    /** The path and query of a URL, absolute or not; "/" for anything that is not a plain path on this service. */
    static String pathOf(String url) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            return "/";
        }
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return "/";
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** Back to the sign-in form, saying whether the password was wrong or the account must wait. */
    private static org.springframework.security.web.authentication.AuthenticationFailureHandler signInFailure() {
        return (request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof org.springframework.security.authentication.LockedException ? "/login?wait"
                : "/login?error"));
    }

    /**
     * The people who sign in, with the initial admin created in the database on the first start that names its
     * password (after the migrations: the table must be there).
     */
    @Bean
    @org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization
    People people(javax.sql.DataSource dataSource, org.springframework.transaction.PlatformTransactionManager
            transactions, AdvisorProperties properties, java.time.Clock clock) {
        People people = new People(dataSource, transactions, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                properties.users(), clock);
        people.createInitialAdmin(properties.initialAdminPassword());
        if (people.count() == 0) {
            LOG.info("Nobody can sign in to the workbench yet: start with ADVISOR_INITIAL_ADMIN_PASSWORD set, then "
                    + "sign in as admin");
        }
        return people;
    }
}
