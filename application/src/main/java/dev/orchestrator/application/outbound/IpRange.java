package dev.orchestrator.application.outbound;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a single address. Parsed without DNS: only literal
 * addresses are accepted. An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) matches the IPv4 range it maps to.
 */
public record IpRange(byte[] network, int prefixLength) {

    public IpRange {
        network = network.clone();
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
        }
    }

    /** A copy: the range cannot be changed through its accessor. */
    @Override
    public byte[] network() {
        return network.clone();
    }

    public static IpRange parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address).orElseThrow(() -> new IllegalArgumentException(
                "'" + cidr + "' is not an IP address or CIDR range"));
        int prefix;
        try {
            prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length out of range");
        }
        return new IpRange(bytes, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = normalized(address);
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /** An IPv4-mapped IPv6 address is its IPv4 address: a range must not be bypassed by writing it the other way. */
    static byte[] normalized(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && bytes.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            if (mapped) {
                return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
            }
        }
        return bytes;
    }

    /** A literal IPv4 or IPv6 address, never a DNS name. */
    static java.util.Optional<byte[]> literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = t.contains(":") && t.matches("[0-9a-fA-F:.%]+");
        if (!ipv4 && !ipv6) {
            return java.util.Optional.empty();
        }
        if (ipv4) {
            for (String part : t.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return java.util.Optional.empty();
                }
            }
        }
        try {
            // a literal: getByName parses it without a lookup
            return java.util.Optional.of(normalized(InetAddress.getByName(t)));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            return new BigInteger(1, network).toString(16) + "/" + prefixLength;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange r && r.prefixLength == prefixLength && java.util.Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixLength;
    }
}
