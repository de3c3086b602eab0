package dev.orchestrator.application.port.out;

import static dev.orchestrator.application.port.out.IdentityIndex.Kind.COMPANY;
import static dev.orchestrator.application.port.out.IdentityIndex.Kind.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.domain.dedupe.BlockingKey;
import dev.orchestrator.domain.dedupe.DomainKey;
import dev.orchestrator.domain.dedupe.MatchRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdentityIndex} does, run against the in-memory one and the PostgreSQL one. Records are built
 * so their blocking keys are known: a company with only phones has one PHONE key per number (its last seven
 * digits).
 */
public abstract class IdentityIndexContract {
    /** A fresh, empty index for each test. */
    protected abstract IdentityIndex index();

    @Test
    void a_record_sharing_a_key_with_the_probe_is_a_candidate_with_that_key_as_evidence() {
        IdentityIndex index = index();
        index.index(company("acc-1", "Acme Corporation", "acme.com"));

        List<IdentityCandidate> found = index.candidates(company("lead-1", "Globex", "acme.com"), COMPANY);

        assertThat(found).extracting(IdentityCandidate::recordId).containsExactly("acc-1");
        assertThat(found.get(0).sharedKeys()).containsExactly(
                new BlockingKey(BlockingKey.Type.DOMAIN, "acme.com"), new BlockingKey(BlockingKey.Type.IDENT, "acme"));
    }

    @Test
    void a_record_sharing_no_key_with_the_probe_is_not_a_candidate() {
        IdentityIndex index = index();
        index.index(company("acc-1", "Acme Corporation", "acme.com"));

        assertThat(index.candidates(company("lead-1", "Orbital Bakery", "orbitalbakery.com"), COMPANY)).isEmpty();
    }

    @Test
    void a_candidate_comes_back_with_every_match_field_it_was_indexed_with() {
        IdentityIndex index = index();
        MatchRecord contact = MatchRecord.builder("contact-7")
                .companyName("PricewaterhouseCoopers (PwC) Ltd.")
                .domain(new DomainKey("pwc.co.uk", "pwc"))
                .domain(new DomainKey("pwc.com", "pwc"))
                .email("Jane.Doe@pwc.co.uk")
                .personName("Jane", "Doe")
                .phone("+442071234567")
                .phone("+442079999999")
                .city("London")
                .country("United Kingdom")
                .build();
        index.index(contact);

        List<IdentityCandidate> found = index.candidates(MatchRecord.builder("probe")
                .personName("Janet", "Doe").email("jane.doe@pwc.co.uk").build(), PERSON);

        assertThat(found).extracting(IdentityCandidate::record).containsExactly(contact);
    }

    @Test
    void a_record_without_optional_fields_comes_back_without_them() {
        IdentityIndex index = index();
        MatchRecord bare = phones("bare", "+15550000001");
        index.index(bare);

        assertThat(index.candidates(phones("probe", "+15550000001"), COMPANY))
                .extracting(IdentityCandidate::record).containsExactly(bare);
    }

    @Test
    void indexing_a_record_again_replaces_its_keys() {
        IdentityIndex index = index();
        index.index(company("acc-1", "Acme Corporation", "acme.com"));
        index.index(company("acc-1", "Zenith Metals", "zenithmetals.com"));

        assertThat(index.candidates(company("p1", "Initech", "acme.com"), COMPANY)).isEmpty();
        assertThat(index.candidates(company("p2", "Initech", "zenithmetals.com"), COMPANY))
                .extracting(c -> c.record().company().raw()).containsExactly("Zenith Metals");
    }

    @Test
    void indexing_a_record_again_with_the_same_keys_keeps_it_once_with_its_new_fields() {
        IdentityIndex index = index();
        index.index(company("acc-1", "Acme Corporation", "acme.com"));
        index.index(MatchRecord.builder("acc-1").companyName("Acme Corporation")
                .domain(new DomainKey("acme.com", "acme")).city("Chicago").build());

        assertThat(index.candidates(company("lead", "Acme Corporation", "acme.com"), COMPANY))
                .singleElement()
                .satisfies(c -> assertThat(c.record().city()).contains("chicago"));
    }

    @Test
    void a_removed_record_is_no_longer_a_candidate() {
        IdentityIndex index = index();
        index.index(company("acc-1", "Acme Corporation", "acme.com"));
        index.index(company("acc-2", "Acme UK", "acme.com"));

        index.remove("acc-1");

        assertThat(index.candidates(company("lead", "Globex", "acme.com"), COMPANY))
                .extracting(IdentityCandidate::recordId).containsExactly("acc-2");
    }

    @Test
    void removing_an_unknown_record_changes_nothing() {
        IdentityIndex index = index();
        index.index(company("acc-1", "Acme Corporation", "acme.com"));

        index.remove("never-indexed");

        assertThat(index.candidates(company("lead", "Globex", "acme.com"), COMPANY)).hasSize(1);
    }

    @Test
    void the_probe_is_never_its_own_candidate() {
        IdentityIndex index = index();
        MatchRecord account = company("acc-1", "Acme Corporation", "acme.com");
        index.index(account);

        assertThat(index.candidates(account, COMPANY)).isEmpty();
    }

    @Test
    void a_lookup_returns_records_of_the_kind_it_asks_for() {
        IdentityIndex index = index();
        index.index(company("acc-1", "Acme Corporation", "acme.com"));
        MatchRecord contact = MatchRecord.builder("contact-1").personName("Jane", "Doe").email("jane@acme.com")
                .domain(new DomainKey("acme.com", "acme")).build();
        index.index(contact);
        MatchRecord lead = MatchRecord.builder("lead").personName("Jane", "Doe").email("jane@acme.com")
                .domain(new DomainKey("acme.com", "acme")).build();

        assertThat(index.candidates(lead, COMPANY)).extracting(IdentityCandidate::recordId).containsExactly("acc-1");
        assertThat(index.candidates(lead, PERSON)).extracting(IdentityCandidate::recordId).containsExactly("contact-1");
    }

    @Test
    void candidates_are_ranked_by_the_sum_of_one_over_the_holders_of_each_shared_key() {
        IdentityIndex index = index();
        index.indexAll(List.of(
                phones("a", "+15550000001", "+15550000003"),
                phones("b", "+15550000001"),
                phones("c", "+15550000002"),
                phones("d", "+15550000003"),
                phones("e", "+15550000003")));

        List<IdentityCandidate> found =
                index.candidates(phones("probe", "+15550000001", "+15550000002", "+15550000003"), COMPANY);

        assertThat(found).extracting(IdentityCandidate::recordId).containsExactly("c", "a", "b", "d", "e");
        assertThat(found).extracting(IdentityCandidate::affinity)
                .containsExactly(1.0, 0.833333333, 0.5, 0.333333333, 0.333333333);
        assertThat(found.get(1).sharedKeys()).containsExactly(
                new BlockingKey(BlockingKey.Type.PHONE, "0000001"), new BlockingKey(BlockingKey.Type.PHONE, "0000003"));
    }

    @Test
    void a_key_held_by_more_than_a_hundred_records_is_skipped() {
        IdentityIndex index = index();
        List<MatchRecord> crowd = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> crowd.add(phones("crowd-" + i, "+15550000001")));
        crowd.add(phones("target", "+15550000001", "+15550000002"));
        index.indexAll(crowd);

        List<IdentityCandidate> found = index.candidates(phones("probe", "+15550000001", "+15550000002"), COMPANY);

        assertThat(found).extracting(IdentityCandidate::recordId).containsExactly("target");
        assertThat(found.get(0).sharedKeys()).containsExactly(new BlockingKey(BlockingKey.Type.PHONE, "0000002"));
    }

    @Test
    void a_key_that_a_removal_brings_back_to_a_hundred_holders_counts_again() {
        IdentityIndex index = indexWithOneKeyHeldByOneHundredAndOne();

        index.remove("crowd-0");

        assertThat(index.candidates(phones("probe", "+15550000001"), COMPANY)).hasSize(IdentityIndex.MAX_CANDIDATES);
    }

    @Test
    void a_key_that_re_indexing_brings_back_to_a_hundred_holders_counts_again() {
        IdentityIndex index = indexWithOneKeyHeldByOneHundredAndOne();

        index.index(phones("crowd-0", "+15550000009"));

        assertThat(index.candidates(phones("probe", "+15550000001"), COMPANY)).hasSize(IdentityIndex.MAX_CANDIDATES);
    }

    @Test
    void a_key_held_by_exactly_a_hundred_records_still_counts_and_at_most_24_candidates_come_back_by_id() {
        IdentityIndex index = index();
        List<MatchRecord> crowd = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> crowd.add(phones(String.format("r%03d", i), "+15550000001")));
        index.indexAll(crowd);

        List<IdentityCandidate> found = index.candidates(phones("probe", "+15550000001"), COMPANY);

        assertThat(found).hasSize(IdentityIndex.MAX_CANDIDATES);
        assertThat(found.get(0).recordId()).isEqualTo("r000");
        assertThat(found.get(23).recordId()).isEqualTo("r023");
        assertThat(found.get(0).affinity()).isEqualTo(0.01);
    }

    @Test
    void indexing_a_batch_that_repeats_an_id_keeps_the_last_version() {
        IdentityIndex index = index();
        index.indexAll(List.of(phones("x", "+15550000001"), phones("x", "+15550000002")));

        assertThat(index.candidates(phones("p1", "+15550000001"), COMPANY)).isEmpty();
        assertThat(index.candidates(phones("p2", "+15550000002"), COMPANY))
                .extracting(IdentityCandidate::recordId).containsExactly("x");
    }

    /** Records crowd-0 … crowd-100 share one phone key, which is therefore skipped. */
    private IdentityIndex indexWithOneKeyHeldByOneHundredAndOne() {
        IdentityIndex index = index();
        List<MatchRecord> crowd = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> crowd.add(phones("crowd-" + i, "+15550000001")));
        index.indexAll(crowd);
        assertThat(index.candidates(phones("probe", "+15550000001"), COMPANY)).isEmpty();
        return index;
    }

    private static MatchRecord company(String id, String name, String registrable) {
        return MatchRecord.builder(id).companyName(name)
                .domain(new DomainKey(registrable, registrable.substring(0, registrable.indexOf('.')))).build();
    }

    private static MatchRecord phones(String id, String... numbers) {
        MatchRecord.Builder b = MatchRecord.builder(id);
        for (String n : numbers) {
            b.phone(n);
        }
        return b.build();
    }
}
