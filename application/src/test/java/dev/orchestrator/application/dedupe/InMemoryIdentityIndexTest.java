package dev.orchestrator.application.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryIdentityIndexTest {
    private final MatchRecordFactory factory = new MatchRecordFactory(new GuavaRegistrableDomains());
    private final InMemoryIdentityIndex index =
            new InMemoryIdentityIndex(RecordMatcher.standard(MatchThresholds.DEFAULT), 100, 50);

    @Test
    void a_lead_finds_its_account_through_a_country_variant_of_the_domain() {
        index.add(factory.toMatchRecord(account("acc-1", "Acme Corporation", "acme.com")));
        index.add(factory.toMatchRecord(account("acc-2", "Zenith Metals", "zenithmetals.com")));

        List<InMemoryIdentityIndex.IndexMatch> matches = index.lookup(factory.toMatchRecord(
                new DedupeRecord("lead-1", "ACME Corp", "", "", "jane@acme.co.uk", "Jane", "", "", "", "")));

        assertThat(matches).extracting(InMemoryIdentityIndex.IndexMatch::recordId).containsExactly("acc-1");
        assertThat(matches.get(0).decision()).isInstanceOf(MatchDecision.Duplicate.class);
    }

    @Test
    void a_record_sharing_no_key_is_never_compared() {
        index.add(factory.toMatchRecord(account("acc-1", "Acme Corporation", "acme.com")));

        assertThat(index.lookup(factory.toMatchRecord(account("x", "Orbital Bakery", "orbitalbakery.com")))).isEmpty();
    }

    @Test
    void a_lookup_compares_at_most_the_candidates_sharing_the_rarest_keys() {
        InMemoryIdentityIndex small =
                new InMemoryIdentityIndex(RecordMatcher.standard(MatchThresholds.DEFAULT), 100, 1);
        small.add(factory.toMatchRecord(account("other", "Acme Bakery", "acmebakery.com")));
        small.add(factory.toMatchRecord(account("acc-1", "Acme Corporation", "acme.com")));

        List<InMemoryIdentityIndex.IndexMatch> matches =
                small.lookup(factory.toMatchRecord(account("probe", "Acme Inc", "acme.com")));

        assertThat(matches).extracting(InMemoryIdentityIndex.IndexMatch::recordId).containsExactly("acc-1");
    }

    private static DedupeRecord account(String id, String name, String domain) {
        return new DedupeRecord(id, name, domain, "", "", "", "", "", "", "");
    }
}
