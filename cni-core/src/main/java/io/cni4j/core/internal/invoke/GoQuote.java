package io.cni4j.core.internal.invoke;

/**
 * Go's {@code %q} of a byte slice or string ({@code strconv.Quote}), so that messages that libcni
 * builds with it read the same: printable characters as they are, {@code \"} and {@code \\},
 * {@code \n}-style escapes for the usual controls, {@code \xNN} for other ASCII controls and for
 * bytes that are not valid UTF-8, and backslash-u or backslash-U escapes for other non-printable
 * characters.
 */
final class GoQuote {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {
    }

    /**
     * Quotes text.
     *
     * @param s the text
     * @return the Go-quoted form, with the surrounding double quotes
     */
    static String quote(String s) {
        return quote(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Quotes bytes, read as UTF-8.
     *
     * @param bytes the bytes
     * @return the Go-quoted form, with the surrounding double quotes
     */
    static String quote(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length + 2).append('"');
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                appendRune(sb, b);
                i++;
                continue;
            }
            int width = utf8Width(bytes, i);
            if (width == 0) {
                sb.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
                i++;
                continue;
            }
            appendRune(sb, decode(bytes, i, width));
            i += width;
        }
        return sb.append('"').toString();
    }

    private static void appendRune(StringBuilder sb, int r) {
        if (r == '"' || r == '\\') {
            sb.append('\\').append((char) r);
        } else if (r < 0x80) {
            if (r >= 0x20 && r < 0x7f) {
                sb.append((char) r);
            } else {
                switch (r) {
                    case 0x07 -> sb.append("\\a");
                    case 0x08 -> sb.append("\\b");
                    case 0x0c -> sb.append("\\f");
                    case 0x0a -> sb.append("\\n");
                    case 0x0d -> sb.append("\\r");
                    case 0x09 -> sb.append("\\t");
                    case 0x0b -> sb.append("\\v");
                    default -> sb.append("\\x").append(HEX[r >> 4]).append(HEX[r & 0xf]);
                }
            }
        } else if (isPrint(r)) {
            sb.appendCodePoint(r);
        } else if (r < 0x10000) {
            sb.append("\\u");
            appendHex(sb, r, 4);
        } else {
            sb.append("\\U");
            appendHex(sb, r, 8);
        }
    }

    private static void appendHex(StringBuilder sb, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[(value >> shift) & 0xf]);
        }
    }

    /** Go's {@code unicode.IsPrint} outside ASCII: letters, marks, numbers, punctuation, symbols. */
    private static boolean isPrint(int r) {
        return switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** The length of the valid UTF-8 sequence at {@code i} (2 to 4), or 0 if there is none. */
    private static int utf8Width(byte[] b, int i) {
        int b0 = b[i] & 0xff;
        int width;
        int lo = 0x80;
        int hi = 0xbf;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            width = 2;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            width = 3;
            if (b0 == 0xe0) {
                lo = 0xa0;
            } else if (b0 == 0xed) {
                hi = 0x9f;
            }
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            width = 4;
            if (b0 == 0xf0) {
                lo = 0x90;
            } else if (b0 == 0xf4) {
                hi = 0x8f;
            }
        } else {
            return 0;
        }
        if (i + width > b.length) {
            return 0;
        }
        int b1 = b[i + 1] & 0xff;
        if (b1 < lo || b1 > hi) {
            return 0;
        }
        for (int k = 2; k < width; k++) {
            int bk = b[i + k] & 0xff;
            if (bk < 0x80 || bk > 0xbf) {
                return 0;
            }
        }
        return width;
    }

    private static int decode(byte[] b, int i, int width) {
        int r = (b[i] & 0xff) & (0xff >> (width + 1));
        for (int k = 1; k < width; k++) {
            r = (r << 6) | (b[i + k] & 0x3f);
        }
        return r;
    }
}
