package com.healthadvisor.access;

import org.springframework.security.core.userdetails.UserDetailsService;

/** Who may sign in to the workbench, and how many they are: with none, the sign-in page says how to add the first. */
public record WorkbenchUsers(UserDetailsService details, int count) {
}
