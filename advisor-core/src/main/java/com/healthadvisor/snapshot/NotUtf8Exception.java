package com.healthadvisor.snapshot;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A document that is not UTF-8, the one encoding JSON is exchanged in (RFC 8259): UTF-16 or UTF-32 (a byte-order
 * mark, or zero bytes among the first four), or bytes that do not decode. A UTF-8 byte-order mark is no reason to
 * refuse: {@link #utf8Text} drops it, as the diagnose endpoint's parser does.
 */
public class NotUtf8Exception extends RuntimeException {

    NotUtf8Exception(String message) {
        super(message);
    }

    /** The document's text, without a UTF-8 byte-order mark; refused when it is in another encoding. */
    public static String utf8Text(byte[] document) {
        if (document.length >= 2 && ((document[0] & 0xFF) == 0xFE && (document[1] & 0xFF) == 0xFF
                || (document[0] & 0xFF) == 0xFF && (document[1] & 0xFF) == 0xFE)) {
            throw new NotUtf8Exception("the document is UTF-16 (it starts with its byte-order mark): send it as UTF-8");
        }
        for (int i = 0; i < Math.min(4, document.length); i++) {
            if (document[i] == 0) {
                throw new NotUtf8Exception("the document is UTF-16 or UTF-32 (zero bytes where JSON starts): send "
                        + "it as UTF-8");
            }
        }
        boolean bom = document.length >= 3 && (document[0] & 0xFF) == 0xEF && (document[1] & 0xFF) == 0xBB
                && (document[2] & 0xFF) == 0xBF;
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(document, bom ? 3 : 0,
                    document.length - (bom ? 3 : 0))).toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8Exception("the document is not valid UTF-8: send it as UTF-8");
        }
    }
}
