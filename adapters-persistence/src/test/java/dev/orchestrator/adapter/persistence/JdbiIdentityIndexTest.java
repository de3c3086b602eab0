package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.IdentityCandidate;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.application.port.out.IdentityIndexContract;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.dedupe.CompanyName;
import dev.orchestrator.domain.dedupe.DomainKey;
import dev.orchestrator.domain.dedupe.MatchRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
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

    /** An analyze of the index's records costs what their one read column costs, not the arrays' statistics. */
    @Test
    void analyzing_the_records_gathers_statistics_only_for_the_column_they_are_read_by() {
        PersistenceAdapter adapter = adapter();
        adapter.identityIndex().index(MatchRecord.builder("contact-7").companyName("PricewaterhouseCoopers Ltd.")
                .domain(new DomainKey("pwc.co.uk", "pwc")).email("jane.doe@pwc.co.uk").personName("Jane", "Doe")
                .phone("+442071234567").city("London").country("United Kingdom").build());

        List<String> columns = adapter.jdbi().withHandle(h -> {
            h.execute("analyze identity_records");
            return h.createQuery("select attname from pg_stats where tablename = 'identity_records' order by attname")
                    .mapTo(String.class).list();
        });

        assertThat(columns).containsExactly("person", "record_id");
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

    @Test
    void indexAll_of_several_records_stores_the_rows_indexing_each_alone_stores() {
        List<MatchRecord> records = List.of(
                MatchRecord.builder("contact-7").companyName("PricewaterhouseCoopers (PwC) Ltd.")
                        .domain(new DomainKey("pwc.co.uk", "pwc")).domain(new DomainKey("pwc.com", "pwc"))
                        .email("jane.doe@pwc.co.uk").email("jd@pwc.com").personName("Jane", "Doe")
                        .phone("+442071234567").phone("+442079999999").city("London").country("United Kingdom")
                        .build(),
                MatchRecord.builder("bare").phone("+15550000001").build(),
                MatchRecord.builder("acc-1").companyName("The Acme Co., Ltd. (UK)")
                        .domain(new DomainKey("acme.com", "acme")).city("Chicago").build());
        PersistenceAdapter alone = adapter();
        PersistenceAdapter together = adapter();

        records.forEach(alone.identityIndex()::index);
        together.identityIndex().indexAll(records);

        assertThat(rows(together)).isEqualTo(rows(alone)).hasSize(records.size() * 2);
    }

    @Test
    void indexAll_of_several_records_makes_each_findable_with_its_match_fields() {
        IdentityIndex index = adapter().identityIndex();
        MatchRecord jane = MatchRecord.builder("contact-7").companyName("PricewaterhouseCoopers (PwC) Ltd.")
                .domain(new DomainKey("pwc.co.uk", "pwc")).domain(new DomainKey("pwc.com", "pwc"))
                .email("jane.doe@pwc.co.uk").personName("Jane", "Doe").phone("+442071234567").city("London")
                .build();
        MatchRecord acme = MatchRecord.builder("acc-1").companyName("Acme Corporation")
                .domain(new DomainKey("acme.com", "acme")).build();

        index.indexAll(List.of(jane, acme));

        assertThat(index.candidates(MatchRecord.builder("p1").personName("Janet", "Doe").email("jane.doe@pwc.co.uk")
                .build(), IdentityIndex.Kind.PERSON)).extracting(IdentityCandidate::record).containsExactly(jane);
        assertThat(index.candidates(MatchRecord.builder("p2").companyName("Acme")
                .domain(new DomainKey("acme.com", "acme")).build(), IdentityIndex.Kind.COMPANY))
                .extracting(IdentityCandidate::record).containsExactly(acme);
    }

    @Test
    void indexAll_replaces_the_earlier_keys_and_fields_of_the_ids_it_names_and_leaves_the_others() {
        PersistenceAdapter adapter = adapter();
        IdentityIndex index = adapter.identityIndex();
        index.indexAll(List.of(company("acc-1", "Acme Corporation", "acme.com"),
                company("acc-2", "Globex", "globex.com"), company("acc-3", "Initech", "initech.com")));

        index.indexAll(List.of(company("acc-1", "Zenith Metals", "zenithmetals.com"),
                company("acc-2", "Globex", "globex.io")));

        assertThat(index.candidates(company("p1", "Umbrella", "acme.com"), IdentityIndex.Kind.COMPANY)).isEmpty();
        assertThat(index.candidates(company("p2", "Umbrella", "zenithmetals.com"), IdentityIndex.Kind.COMPANY))
                .extracting(c -> c.record().company().raw()).containsExactly("Zenith Metals");
        assertThat(index.candidates(company("p3", "Umbrella", "globex.io"), IdentityIndex.Kind.COMPANY))
                .extracting(c -> c.record().domains()).containsExactly(Set.of(new DomainKey("globex.io", "globex")));
        assertThat(index.candidates(company("p4", "Umbrella", "initech.com"), IdentityIndex.Kind.COMPANY))
                .extracting(IdentityCandidate::recordId).containsExactly("acc-3");
    }

    @Test
    void indexAll_with_the_same_id_twice_keeps_the_last_record_once() {
        PersistenceAdapter adapter = adapter();
        MatchRecord last = company("acc-1", "Zenith Metals", "zenithmetals.com");

        adapter.identityIndex().indexAll(List.of(company("acc-1", "Acme Corporation", "acme.com"),
                company("acc-2", "Globex", "globex.com"), last));

        IdentityIndex index = adapter.identityIndex();
        assertThat(index.candidates(company("p1", "Umbrella", "acme.com"), IdentityIndex.Kind.COMPANY)).isEmpty();
        assertThat(index.candidates(company("p2", "Zenith", "zenithmetals.com"), IdentityIndex.Kind.COMPANY))
                .extracting(IdentityCandidate::record).containsExactly(last);
        assertThat(count(adapter, "select count(*) from identity_records where record_id = 'acc-1'")).isEqualTo(1);
    }

    @Test
    void indexAll_stores_a_nul_in_any_text_field_as_index_does() {
        PersistenceAdapter alone = adapter();
        PersistenceAdapter together = adapter();

        alone.identityIndex().index(nul("r1"));
        together.identityIndex().indexAll(List.of(nul("r1"), MatchRecord.builder("r2").phone("+15550000001").build()));

        List<String> rows = rows(together);
        assertThat(rows).containsAll(rows(alone));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("\"company_raw\": \"Ac\\\\u0000me\""));
    }

    @Test
    void indexAll_inside_a_retryable_transaction_waits_to_go_with_the_other_writes() {
        PersistenceAdapter adapter = adapter();
        List<String> statements = new ArrayList<>();
        adapter.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });

        adapter.transactions().inRetryableTransaction(() -> {
            adapter.identityIndex().index(company("acc-1", "Acme Corporation", "acme.com"));
            adapter.identityIndex().indexAll(List.of(company("acc-2", "Globex", "globex.com"),
                    company("acc-3", "Initech", "initech.com")));
            return null;
        });

        assertThat(statements).hasSize(1);
        assertThat(count(adapter, "select count(*) from identity_records")).isEqualTo(3);
    }

    /** Each record's row and each record's keys, as text, in a stable order. */
    private static List<String> rows(PersistenceAdapter adapter) {
        return adapter.jdbi().withHandle(h -> h.createQuery("""
                        select to_jsonb(r)::text from identity_records r
                        union all
                        select k.record_id || ' ' || string_agg(k.key_type || '=' || k.key_value || '/' || k.person,
                            ' ' order by k.key_type, k.key_value collate "C")
                        from identity_keys k group by k.record_id""")
                .mapTo(String.class).list()).stream().sorted().toList();
    }

    private static int count(PersistenceAdapter adapter, String sql) {
        return adapter.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static MatchRecord nul(String id) {
        return new MatchRecord(id, new CompanyName("Ac\0me", List.of("ac\0me", "x"), "ac\0mex", "a\0",
                Set.of("al\0ias")), Set.of(new DomainKey("ac\0me.com", "ac\0me")), Set.of("j\0@acme.com"),
                Optional.of("Ja\0ne"), Optional.of("D\0oe"), Set.of("+1555\0"), Optional.of("lon\0don"),
                Optional.of("g\0b"));
    }

    private static MatchRecord company(String id, String name, String registrable) {
        return MatchRecord.builder(id).companyName(name)
                .domain(new DomainKey(registrable, registrable.substring(0, registrable.indexOf('.')))).build();
    }

    private static PersistenceAdapter adapter() {
        return PersistenceAdapter.create(TestDatabase.fresh(), CLOCK, new SequentialIds());
    }
}
