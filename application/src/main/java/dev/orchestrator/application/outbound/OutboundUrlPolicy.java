package dev.orchestrator.application.outbound;

import dev.orchestrator.application.port.out.HostResolver;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Guards the URLs the service calls on a user's behalf (outbound webhooks, Slack): a configured URL must not
 * reach the service's own network (no SSRF). Refused unless explicitly allowed: private ranges, loopback,
 * link-local, cloud metadata, unspecified, multicast, carrier-grade NAT and IPv6 unique-local addresses, checked
 * on every address the host resolves to; and anything but http(s), or a URL with credentials in it. The caller
 * must connect to one of the answered addresses, not resolve again, or DNS rebinding would slip past the check.
 */
public final class OutboundUrlPolicy {
    private static final List<IpRange> REFUSED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8", "fd00:ec2::254/128")
            .stream().map(IpRange::parse).toList();
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "instance-data", "metadata.azure.internal");

    private final HostResolver resolver;
    private final Set<String> allowedHosts;
    private final List<IpRange> allowedRanges;

    /**
     * @param allowedHosts  host names let through whatever they resolve to (a known internal service)
     * @param allowedRanges address ranges let through although they are private (a VPC that hosts the receiver)
     */
    public OutboundUrlPolicy(HostResolver resolver, Set<String> allowedHosts, List<IpRange> allowedRanges) {
        this.resolver = resolver;
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
        this.allowedRanges = List.copyOf(allowedRanges);
    }

    public static OutboundUrlPolicy strict(HostResolver resolver) {
        return new OutboundUrlPolicy(resolver, Set.of(), List.of());
    }

    public Verdict check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            return new Refused("not a valid URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return new Refused("only http and https URLs may be called, not '" + scheme + "'");
        }
        if (uri.getRawUserInfo() != null) {
            return new Refused("credentials in a URL are refused; configure them as a secret");
        }
        String host = Optional.ofNullable(uri.getHost()).map(h -> h.toLowerCase(Locale.ROOT)).orElse("");
        if (host.isEmpty()) {
            return new Refused("the URL names no host");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(bare)) {
            return resolved(uri, bare, true);
        }
        if (METADATA_HOSTS.contains(bare) || bare.endsWith(".internal") || bare.equals("localhost")
                || bare.endsWith(".localhost")) {
            return new Refused("host " + bare + " is internal");
        }
        return resolved(uri, bare, false);
    }

    private Verdict resolved(URI uri, String host, boolean hostAllowed) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Refused("host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            return new Refused("host " + host + " does not resolve");
        }
        if (!hostAllowed) {
            for (InetAddress address : addresses) {
                Optional<String> why = refusal(address);
                if (why.isPresent()) {
                    return new Refused("host " + host + " resolves to " + address.getHostAddress() + ", " + why.get());
                }
            }
        }
        return new Allowed(uri, List.copyOf(addresses));
    }

    private Optional<String> refusal(InetAddress address) {
        if (allowedRanges.stream().anyMatch(r -> r.contains(address))) {
            return Optional.empty();
        }
        return REFUSED.stream().filter(r -> r.contains(address)).findFirst()
                .map(r -> "inside " + r + " (private, loopback, link-local, metadata or reserved)");
    }

    /** Whether a URL may be called, and the addresses to connect to. */
    public sealed interface Verdict {
        default boolean allowed() {
            return this instanceof Allowed;
        }
    }

    public record Allowed(URI uri, List<InetAddress> addresses) implements Verdict {
    }

    public record Refused(String reason) implements Verdict {
    }
}
