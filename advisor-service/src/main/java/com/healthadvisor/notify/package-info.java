/**
 * Advice that comes to people: subscriptions (who gets what, on which channel), alerts written to an outbox in
 * the transaction of the period that caused them, a sender that delivers them at least once (signed webhooks,
 * Slack-compatible webhooks, e-mail) with retries, backoff and a dead-letter state, silences and acknowledgements
 * that keep findings quiet, and a digest by e-mail on a schedule.
 */
package com.healthadvisor.notify;
