/**
 * The service's settings, {@code advisor.*} in application.yaml or the environment ({@code ADVISOR_...}), bound
 * and checked at start: one record each, read by whichever package needs them.
 */
package com.healthadvisor.settings;
