package com.healthadvisor.snapshot;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documents are stored as UTF-8 text: a byte-order mark is dropped, another encoding refused by name. */
class NotUtf8Test {

    private static final String JSON = "{\"period\":\"2024-06\",\"name\":\"Café\"}";

    @Test
    void aUtf8ByteOrderMarkIsDropped() {
        byte[] withMark = ("\uFEFF" + JSON).getBytes(StandardCharsets.UTF_8);

        assertThat(NotUtf8Exception.utf8Text(withMark)).isEqualTo(JSON);
        assertThat(NotUtf8Exception.utf8Text(JSON.getBytes(StandardCharsets.UTF_8))).isEqualTo(JSON);
    }

    @Test
    void utf16AndUtf32AndBrokenBytesAreRefused() {
        assertThatThrownBy(() -> NotUtf8Exception.utf8Text(JSON.getBytes(StandardCharsets.UTF_16)))
                .hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> NotUtf8Exception.utf8Text(JSON.getBytes(StandardCharsets.UTF_16LE)))
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> NotUtf8Exception.utf8Text(JSON.getBytes(java.nio.charset.Charset.forName("UTF-32"))))
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> NotUtf8Exception.utf8Text(new byte[] {'{', (byte) 0xC3, '}'}))
                .hasMessageContaining("not valid UTF-8");
    }
}
