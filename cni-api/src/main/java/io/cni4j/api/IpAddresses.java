package io.cni4j.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses and prints IP address literals the way CNI results spell them, without ever touching DNS.
 *
 * <p>Parsing accepts dotted-quad IPv4 (no leading zeros, as Go's {@code net.ParseIP}) and IPv6 text
 * (including an embedded IPv4 tail, without a zone). An IPv4-mapped IPv6 literal
 * ({@code ::ffff:10.1.2.3}) yields the IPv4 address, as Java's {@link InetAddress} and Go's
 * {@code To4} treat it. Printing uses RFC 5952's canonical form for
 * IPv6 ({@code abcd:1234:ffff::cdde}), which is what Go and the plugins print.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * Parses an IP address literal.
     *
     * @param text the literal, e.g. {@code 10.88.0.5} or {@code 2001:db8::1}
     * @return the address
     * @throws IllegalArgumentException if {@code text} is not an IP literal
     */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("invalid IP address: empty");
        }
        if (text.indexOf(':') >= 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean ok = c == ':' || c == '.' || (c >= '0' && c <= '9')
                        || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!ok) {
                    throw new IllegalArgumentException("invalid IP address: \"" + text + "\"");
                }
            }
            int dot = text.indexOf('.');
            if (dot >= 0) {
                parseV4(text.substring(text.lastIndexOf(':') + 1), text);
            }
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("invalid IP address: \"" + text + "\"", e);
            }
        }
        byte[] bytes = parseV4(text, text);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] parseV4(String v4, String whole) {
        String[] parts = v4.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("invalid IP address: \"" + whole + "\"");
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                throw new IllegalArgumentException("invalid IP address: \"" + whole + "\"");
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("invalid IP address: \"" + whole + "\"");
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                throw new IllegalArgumentException("invalid IP address: \"" + whole + "\"");
            }
            out[i] = (byte) v;
        }
        return out;
    }

    /**
     * Prints an address in its canonical text form: dotted quad for IPv4, RFC 5952 for IPv6
     * (lower case, leading zeros dropped, the longest run of two or more zero groups as {@code ::}).
     *
     * @param address the address
     * @return the literal
     */
    public static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        if (!(address instanceof Inet6Address)) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
