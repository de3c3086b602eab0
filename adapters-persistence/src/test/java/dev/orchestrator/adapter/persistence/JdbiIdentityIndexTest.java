package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.application.port.out.IdentityIndexContract;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.dedupe.DomainKey;
import dev.orchestrator.domain.dedupe.MatchRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JdbiIdentityIndexTest extends IdentityIndexContract {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:15:30Z"), ZoneOffset.UTC);

    @Override
    protected IdentityIndex index() {
        return adapter().identityIndex();
    }

    @Test
    void a_record_indexed_in_a_transaction_that_rolls_back_is_not_in_the_index() {
        PersistenceAdapter adapter = adapter();
        IdentityIndex index = adapter.identityIndex();
        MatchRecord account = MatchRecord.builder("acc-1").companyName("Acme Corporation")
                .domain(new DomainKey("acme.com", "acme")).build();

        assertThatThrownBy(() -> adapter.transactions().inTransaction(() -> {
            index.index(account);
            throw new IllegalStateException("the CRM write failed");
        })).isInstanceOf(IllegalStateException.class);

        MatchRecord lead = MatchRecord.builder("lead").companyName("Acme").domain(new DomainKey("acme.com", "acme"))
                .build();
        assertThat(index.candidates(lead, IdentityIndex.Kind.COMPANY)).isEmpty();
    }

    @Test
    void removing_a_record_deletes_its_keys_and_its_match_fields() {
        PersistenceAdapter adapter = adapter();
        adapter.identityIndex().index(MatchRecord.builder("acc-1").companyName("Acme Corporation")
                .domain(new DomainKey("acme.com", "acme")).build());

        adapter.identityIndex().remove("acc-1");

        Integer rows = adapter.jdbi().withHandle(h -> h.createQuery("select (select count(*) from identity_keys)"
                + " + (select count(*) from identity_records)").mapTo(Integer.class).one());
        assertThat(rows).isZero();
    }

    private static PersistenceAdapter adapter() {
        return PersistenceAdapter.create(TestDatabase.fresh(), CLOCK, new SequentialIds());
    }
}
