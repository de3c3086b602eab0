package dev.orchestrator.application.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No SSRF through a configured URL: internal addresses are refused unless explicitly allowed. */
class OutboundUrlPolicyTest {
    /** A DNS of our own: names answer what the test says, so no lookup leaves the machine. */
    private static final Map<String, List<String>> DNS = Map.of(
            "hooks.slack.com", List.of("54.192.1.10"),
            "internal.example", List.of("10.1.2.3"),
            "rebind.example", List.of("93.184.216.34", "127.0.0.1"),
            "metadata.example", List.of("169.254.169.254"),
            "v6private.example", List.of("fd12:3456::1"),
            "receiver.vpc.example", List.of("10.20.0.5"));
    private static final HostResolver RESOLVER = host -> {
        List<String> answers = DNS.get(host);
        if (answers == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String a : answers) {
            addresses.add(InetAddress.getByName(a));
        }
        return addresses;
    };

    private final OutboundUrlPolicy strict = OutboundUrlPolicy.strict(RESOLVER);

    @Test
    void a_public_https_url_is_allowed_with_the_addresses_to_connect_to() {
        OutboundUrlPolicy.Verdict verdict = strict.check("https://hooks.slack.com/services/T0/B0/x");

        assertThat(verdict).isInstanceOfSatisfying(OutboundUrlPolicy.Allowed.class,
                allowed -> assertThat(allowed.addresses()).extracting(InetAddress::getHostAddress)
                        .containsExactly("54.192.1.10"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:7070/admin", "http://localhost/", "http://[::1]/", "http://10.0.0.5/",
            "http://172.16.4.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
            "http://metadata.google.internal/computeMetadata/v1/", "http://0.0.0.0/", "http://[fe80::1]/",
            "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/", "http://[fd00:ec2::254]/"})
    void internal_addresses_are_refused(String url) {
        assertThat(strict.check(url)).isInstanceOf(OutboundUrlPolicy.Refused.class);
    }

    @Test
    void a_name_that_resolves_to_a_private_address_is_refused() {
        assertThat(strict.check("https://internal.example/hook")).isInstanceOfSatisfying(
                OutboundUrlPolicy.Refused.class, refused -> assertThat(refused.reason()).contains("10.1.2.3"));
    }

    @Test
    void a_name_with_one_internal_address_among_public_ones_is_refused() {
        assertThat(strict.check("https://rebind.example/")).isInstanceOf(OutboundUrlPolicy.Refused.class);
    }

    @Test
    void cloud_metadata_and_ipv6_unique_local_addresses_are_refused_behind_a_name() {
        assertThat(strict.check("https://metadata.example/")).isInstanceOf(OutboundUrlPolicy.Refused.class);
        assertThat(strict.check("https://v6private.example/")).isInstanceOf(OutboundUrlPolicy.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://hooks.slack.com/", "ftp://hooks.slack.com/",
            "https://user:pass@hooks.slack.com/", "not a url", "https:///nohost", "https://unknown.example/"})
    void other_schemes_credentials_in_urls_and_unresolvable_hosts_are_refused(String url) {
        assertThat(strict.check(url)).isInstanceOf(OutboundUrlPolicy.Refused.class);
    }

    @Test
    void an_explicitly_allowed_range_lets_a_private_receiver_through() {
        OutboundUrlPolicy policy = new OutboundUrlPolicy(RESOLVER, Set.of(), List.of(IpRange.parse("10.20.0.0/16")));

        assertThat(policy.check("http://receiver.vpc.example/hook").allowed()).isTrue();
        assertThat(policy.check("http://internal.example/hook").allowed()).isFalse();
    }

    @Test
    void an_explicitly_allowed_host_is_let_through_whatever_it_resolves_to() {
        OutboundUrlPolicy policy = new OutboundUrlPolicy(RESOLVER, Set.of("Internal.Example"), List.of());

        assertThat(policy.check("https://internal.example/hook").allowed()).isTrue();
    }

    @Test
    void ranges_match_ipv4_mapped_ipv6_addresses_as_their_ipv4_address() throws Exception {
        assertThat(IpRange.parse("127.0.0.0/8").contains(InetAddress.getByName("::ffff:127.0.0.1"))).isTrue();
        assertThat(IpRange.parse("10.0.0.0/8").contains(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(IpRange.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:1::5"))).isTrue();
    }
}
