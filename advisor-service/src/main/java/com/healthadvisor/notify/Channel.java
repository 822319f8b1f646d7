package com.healthadvisor.notify;

import java.util.Arrays;
import java.util.Locale;

/** Where a subscription's messages go. */
public enum Channel {
    /** A JSON POST to a URL, signed with HMAC-SHA256. */
    WEBHOOK,
    /** A Slack-compatible incoming webhook: a message with text and blocks. */
    SLACK,
    /** An e-mail, through the configured SMTP server. */
    EMAIL;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel a word names; null for none. */
    public static Channel of(String word) {
        return Arrays.stream(values()).filter(channel -> channel.word().equals(word)).findFirst().orElse(null);
    }
}
