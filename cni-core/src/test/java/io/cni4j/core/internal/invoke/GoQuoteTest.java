package io.cni4j.core.internal.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GoQuoteTest {

    private static String q(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return GoQuote.quote(b);
    }

    @Test
    @DisplayName("ASCII: printable kept, quote and backslash escaped, named and hex escapes for controls")
    void ascii() {
        assertThat(GoQuote.quote("plain text 123")).isEqualTo("\"plain text 123\"");
        assertThat(GoQuote.quote("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
        assertThat(GoQuote.quote("\u0007\b\f\n\r\t\u000b")).isEqualTo("\"\\a\\b\\f\\n\\r\\t\\v\"");
        assertThat(q(0x00, 0x1b, 0x7f)).isEqualTo("\"\\x00\\x1b\\x7f\"");
        assertThat(GoQuote.quote("")).isEqualTo("\"\"");
    }

    @Test
    @DisplayName("valid UTF-8: printable characters kept, others as \\u or \\U escapes")
    void unicode() {
        assertThat(GoQuote.quote("café ü 日本 😀 \uFFFD")).isEqualTo("\"café ü 日本 😀 \uFFFD\"");
        assertThat(GoQuote.quote("a\u00a0b")).isEqualTo("\"a\\u00a0b\"");
        assertThat(GoQuote.quote("\u200b")).isEqualTo("\"\\u200b\"");
        assertThat(GoQuote.quote("\ue000")).isEqualTo("\"\\ue000\"");
        assertThat(GoQuote.quote(new String(Character.toChars(0x1D173)))).isEqualTo("\"\\U0001d173\"");
        assertThat(GoQuote.quote("\u2028")).isEqualTo("\"\\u2028\"");
    }

    @Test
    @DisplayName("invalid UTF-8: each bad byte as \\xNN (truncated, overlong, surrogate, out of range)")
    void invalidUtf8() {
        assertThat(q(0xff, 'a')).isEqualTo("\"\\xffa\"");
        assertThat(q(0xe2, 0x82)).isEqualTo("\"\\xe2\\x82\"");
        assertThat(q(0xc0, 0xaf)).isEqualTo("\"\\xc0\\xaf\"");
        assertThat(q(0xed, 0xa0, 0x80)).isEqualTo("\"\\xed\\xa0\\x80\"");
        assertThat(q(0xf4, 0x90, 0x80, 0x80)).isEqualTo("\"\\xf4\\x90\\x80\\x80\"");
        assertThat(q(0xe2, 0x82, 0xac)).isEqualTo("\"€\"");
    }
}
