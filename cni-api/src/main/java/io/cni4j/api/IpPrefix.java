package io.cni4j.api;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An address with a prefix length, as CNI results carry them ({@code "10.88.0.5/16"}). Unlike a
 * subnet, the host bits are kept: {@code 10.1.2.3/24} stays {@code 10.1.2.3/24}, as Go's
 * {@code types.ParseCIDR} keeps them.
 *
 * @param address the address, IPv4 or IPv6
 * @param prefixLength the prefix length, 0&ndash;32 for IPv4 and 0&ndash;128 for IPv6
 */
public record IpPrefix(InetAddress address, int prefixLength) {

    /**
     * Validates the components.
     *
     * @param address the address
     * @param prefixLength the prefix length
     * @throws IllegalArgumentException if the prefix length does not fit the address family
     */
    public IpPrefix {
        Objects.requireNonNull(address, "address");
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("invalid prefix length " + prefixLength + " for "
                    + IpAddresses.format(address));
        }
    }

    /**
     * Parses CIDR notation, keeping the host bits. An IPv4-mapped IPv6 address
     * ({@code ::ffff:10.1.2.3/120}) is read as the IPv4 address with the prefix length counted over
     * its last 32 bits ({@code 10.1.2.3/24}), as Go prints it; a length below 96 is refused there.
     *
     * @param cidr e.g. {@code 10.88.0.5/16} or {@code 2001:db8::5/64}
     * @return the prefix
     * @throws IllegalArgumentException if {@code cidr} is not valid CIDR notation
     */
    public static IpPrefix parse(String cidr) {
        if (cidr == null) {
            throw new IllegalArgumentException("invalid CIDR address: null");
        }
        int slash = cidr.indexOf('/');
        if (slash < 0 || slash != cidr.lastIndexOf('/')) {
            throw new IllegalArgumentException("invalid CIDR address: \"" + cidr + "\"");
        }
        String len = cidr.substring(slash + 1);
        if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(c -> c >= '0' && c <= '9')
                || (len.length() > 1 && len.charAt(0) == '0')) {
            throw new IllegalArgumentException("invalid CIDR address: \"" + cidr + "\"");
        }
        try {
            String text = cidr.substring(0, slash);
            InetAddress address = IpAddresses.parse(text);
            int length = Integer.parseInt(len);
            if (address instanceof Inet4Address && text.indexOf(':') >= 0) {
                // An IPv4-mapped IPv6 literal: its length counts 128 bits, of which the IPv4 part is the last 32.
                if (length < 96 || length > 128) {
                    throw new IllegalArgumentException("invalid prefix length " + length + " for " + text);
                }
                length -= 96;
            }
            return new IpPrefix(address, length);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid CIDR address: \"" + cidr + "\"", e);
        }
    }

    /** @return {@code true} for an IPv4 address */
    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** @return the CIDR text, e.g. {@code 10.88.0.5/16} */
    @Override
    public String toString() {
        return IpAddresses.format(address) + "/" + prefixLength;
    }
}
