package dev.orchestrator.application.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.domain.shared.DomainViolation;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchDedupeTest {
    private final BatchDedupe dedupe = BatchDedupe.standard();

    @Test
    void the_cli_contract_writes_one_cluster_row_per_input_record() {
        String input = "record_id,company_name,domain,website,email,first_name,last_name,phone,city,country\r\n"
                + "a1,Acme Inc.,acme.com,,,,,,Boston,US\r\n"
                + "a2,\"ACME, Corporation\",,https://www.acme.com/,,,,,,\r\n"
                + "z1,Zenith Metals,zenithmetals.com,,,,,,,\r\n";
        StringWriter out = new StringWriter();

        dedupe.run(new StringReader(input), out);

        assertThat(out.toString()).isEqualTo("record_id,cluster_id\r\na1,a1\r\na2,a1\r\nz1,z1\r\n");
    }

    @Test
    void columns_may_come_in_any_order_and_some_may_be_missing() {
        String input = "email,record_id,last_name,first_name\n"
                + "bob@x.io,p1,Smith,Bob\n"
                + ",p2,Smith,Robert\n";
        StringWriter out = new StringWriter();

        dedupe.run(new StringReader(input), out);

        assertThat(out.toString()).isEqualTo("record_id,cluster_id\r\np1,p1\r\np2,p1\r\n");
    }

    @Test
    void a_record_id_used_twice_is_refused() {
        assertThatThrownBy(() -> dedupe.cluster(List.of(company("a", "Acme", "", ""), company("a", "Zenith", "", ""))))
                .isInstanceOf(DomainViolation.class).hasMessageContaining("record_id");
    }

    @Test
    void duplicates_cluster_transitively() {
        Map<String, String> clusters = dedupe.cluster(List.of(
                company("a", "Earth Networks", "earthnetworks.com", ""),
                company("b", "Earth", "", "marym@earthnetworks.com"),
                company("c", "Earthh Networks Inc", "", ""))).clusterOf();

        assertThat(clusters.values()).containsOnly("a");
    }

    @Test
    void a_record_without_a_domain_never_bridges_two_brands_with_one_name() {
        Map<String, String> clusters = dedupe.cluster(List.of(
                company("us", "HopStop", "hopstop.com", ""),
                company("nodomain", "HopStop Co.", "", ""),
                company("au", "HopStop Pty Ltd", "hopstopstudio.com.au", ""))).clusterOf();

        assertThat(clusters.get("us")).isNotEqualTo(clusters.get("au"));
    }

    @Test
    void candidates_come_from_shared_keys_not_from_every_pair() {
        DedupeResult result = dedupe.cluster(List.of(
                company("a", "Acme Analytics", "acme.com", ""),
                company("b", "Zenith Metals", "zenithmetals.com", ""),
                company("c", "Orbital Bakery", "orbitalbakery.com", ""),
                company("d", "Acme Analytics Inc", "acme.com", "")));

        assertThat(result.comparisons()).isEqualTo(1);
        assertThat(result.duplicatePairs()).isEqualTo(1);
    }

    private static DedupeRecord company(String id, String name, String domain, String email) {
        return new DedupeRecord(id, name, domain, "", email, "", "", "", "", "");
    }
}
