package io.cni4j.testkit.internal.net;

import io.cni4j.api.IpPrefix;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Subnet arithmetic for the fake IP pool and the assertions: membership and the n-th address of a
 * subnet, for IPv4 and IPv6 alike.
 */
public final class Subnets {

    private Subnets() {
    }

    /**
     * Tells whether an address lies in a subnet (same family, same leading prefix bits).
     *
     * @param subnet the subnet, e.g. {@code 10.22.0.0/16}; its host bits are ignored
     * @param address the address
     * @return {@code true} if {@code address} is in {@code subnet}
     */
    public static boolean contains(IpPrefix subnet, InetAddress address) {
        byte[] net = subnet.address().getAddress();
        byte[] ip = address.getAddress();
        if (net.length != ip.length) {
            return false;
        }
        return prefixBits(net, subnet.prefixLength()).equals(prefixBits(ip, subnet.prefixLength()));
    }

    /**
     * The address at an offset from the start of a subnet.
     *
     * @param subnet the subnet; its host bits are ignored
     * @param offset the offset, 0 being the network address
     * @return the address, or {@code null} if the offset lies outside the subnet
     */
    public static InetAddress addressAt(IpPrefix subnet, BigInteger offset) {
        byte[] net = subnet.address().getAddress();
        int bits = net.length * 8;
        BigInteger size = BigInteger.ONE.shiftLeft(bits - subnet.prefixLength());
        if (offset.signum() < 0 || offset.compareTo(size) >= 0) {
            return null;
        }
        BigInteger value = prefixBits(net, subnet.prefixLength()).shiftLeft(bits - subnet.prefixLength()).add(offset);
        byte[] raw = value.toByteArray();
        byte[] out = new byte[net.length];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The number of addresses in a subnet.
     *
     * @param subnet the subnet
     * @return 2 to the number of host bits
     */
    public static BigInteger size(IpPrefix subnet) {
        int bits = subnet.address().getAddress().length * 8;
        return BigInteger.ONE.shiftLeft(bits - subnet.prefixLength());
    }

    private static BigInteger prefixBits(byte[] address, int prefixLength) {
        return new BigInteger(1, address).shiftRight(address.length * 8 - prefixLength);
    }
}
