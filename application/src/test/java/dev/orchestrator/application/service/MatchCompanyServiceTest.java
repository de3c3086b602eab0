package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.GuavaRegistrableDomains;
import dev.orchestrator.application.dedupe.InMemoryIdentityIndex;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.in.CompanyMatch;
import dev.orchestrator.application.port.in.MatchCompanyQuery;
import dev.orchestrator.domain.dedupe.BlockingKey;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchFeature;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import org.junit.jupiter.api.Test;

class MatchCompanyServiceTest {
    private final MatchRecordFactory factory = new MatchRecordFactory(new GuavaRegistrableDomains());
    private final InMemoryIdentityIndex index = InMemoryIdentityIndex.standard();
    private final MatchCompanyService service =
            new MatchCompanyService(index, RecordMatcher.standard(MatchThresholds.DEFAULT), factory);

    @Test
    void a_lead_from_a_country_variant_of_the_domain_is_a_duplicate_of_the_account_with_its_evidence() {
        index.index(factory.toMatchRecord(account("acc-1", "Acme Corporation", "acme.com")));
        index.index(factory.toMatchRecord(account("acc-2", "Zenith Metals", "zenithmetals.com")));

        CompanyMatch match = service.match(MatchCompanyQuery.of("lead-1", "ACME Corp", "jane@acme.co.uk", ""));

        assertThat(match.decision()).isInstanceOf(MatchDecision.Duplicate.class);
        assertThat(match.accountId()).contains("acc-1");
        assertThat(match.decision().score().features()).extracting(MatchFeature::name).isNotEmpty();
        assertThat(match.sharedKeys()).contains(new BlockingKey(BlockingKey.Type.IDENT, "acme"));
    }

    @Test
    void a_lead_sharing_no_key_with_any_account_is_distinct_without_comparing_anything() {
        index.index(factory.toMatchRecord(account("acc-1", "Acme Corporation", "acme.com")));

        CompanyMatch match = service.match(MatchCompanyQuery.of("lead-1", "Orbital Bakery", "bo@orbitalbakery.fr", ""));

        assertThat(match.decision()).isInstanceOf(MatchDecision.Distinct.class);
        assertThat(match.accountId()).isEmpty();
        assertThat(match.comparisons()).isZero();
    }

    @Test
    void a_contact_at_the_same_domain_is_never_taken_for_the_account() {
        index.index(factory.toMatchRecord(
                new DedupeRecord("contact-1", "Acme", "", "", "jane@acme.com", "Jane", "Doe", "", "", "")));

        CompanyMatch match = service.match(MatchCompanyQuery.of("lead-1", "Acme", "john@acme.com", ""));

        assertThat(match.accountId()).isEmpty();
    }

    @Test
    void the_strongest_decision_among_the_candidates_wins() {
        index.index(factory.toMatchRecord(account("acc-a", "Acme Bakery", "acmebakery.com")));
        index.index(factory.toMatchRecord(account("acc-b", "Acme Corporation", "acme.com")));

        CompanyMatch match = service.match(MatchCompanyQuery.of("lead-1", "Acme Inc", "jo@acme.com", ""));

        assertThat(match.accountId()).contains("acc-b");
        assertThat(match.isDuplicate()).isTrue();
        assertThat(match.comparisons()).isEqualTo(2);
    }

    @Test
    void a_score_between_the_configured_thresholds_is_a_possible_duplicate() {
        MatchCompanyService strict = new MatchCompanyService(index,
                RecordMatcher.standard(new MatchThresholds(1_000.0, 2.5)), factory);
        index.index(factory.toMatchRecord(account("acc-1", "Acme Corporation", "acme.com")));

        CompanyMatch match = strict.match(MatchCompanyQuery.of("lead-1", "ACME Corp", "jane@acme.co.uk", ""));

        assertThat(match.isPossibleDuplicate()).isTrue();
        assertThat(match.accountId()).contains("acc-1");
    }

    private static DedupeRecord account(String id, String name, String domain) {
        return new DedupeRecord(id, name, domain, "", "", "", "", "", "", "");
    }
}
