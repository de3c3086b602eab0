package dev.orchestrator.adapter.crm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.crm.CrmContactRecord;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.application.port.out.crm.RecordPage;
import dev.orchestrator.application.port.out.crm.RecordType;
import dev.orchestrator.application.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxCrmRecordsTest {
    private CrmRecords records;
    private CrmRecordFixes fixes;
    private ProblemCrm crm;
    private Jdbi jdbi;

    @BeforeEach
    void problemCrm() {
        DataSource dataSource = TestDatabase.fresh();
        MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
        records = SandboxCrmAdapter.records(dataSource, clock);
        fixes = SandboxCrmAdapter.fixes(dataSource, clock);
        jdbi = Jdbi.create(dataSource);
        crm = ProblemCrm.inject(jdbi);
    }

    @Test
    void pagesCoverEveryContactOnceInIdOrder() {
        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            RecordPage<CrmContactRecord> page = records.contacts(cursor, 5);
            page.records().forEach(c -> seen.add(c.id()));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(12).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    }

    @Test
    void aContactCarriesItsRawValuesAndCompanyLink() {
        CrmContactRecord phone = records.contacts(Optional.empty(), 100).records().stream()
                .filter(c -> c.id().equals(crm.id("loose-phone"))).findFirst().orElseThrow();

        assertThat(phone.phone()).isEqualTo("(650) 253-0000");
        assertThat(phone.companyId()).isEqualTo(crm.id("company:clean"));
    }

    @Test
    void dealsSayWhetherTheyWereWon() {
        assertThat(records.deals(Optional.empty(), 10).records()).singleElement()
                .satisfies(d -> assertThat(d.closedWon()).isTrue())
                .satisfies(d -> assertThat(d.contactIds()).containsExactly(crm.id("customer")));
    }

    @Test
    void aFieldIsReadAndWrittenAndAnEmptyValueClearsIt() {
        fixes.write(RecordType.CONTACT, crm.id("odd-country"), Map.of(RecordField.COUNTRY, "DE"));
        assertThat(fixes.read(RecordType.CONTACT, crm.id("odd-country"), Set.of(RecordField.COUNTRY)))
                .containsEntry(RecordField.COUNTRY, "DE");

        fixes.write(RecordType.CONTACT, crm.id("odd-country"), Map.of(RecordField.COUNTRY, ""));
        assertThat(fixes.read(RecordType.CONTACT, crm.id("odd-country"), Set.of(RecordField.COUNTRY)))
                .containsEntry(RecordField.COUNTRY, "");
    }

    @Test
    void mergingCompaniesMovesContactsAndDealsAndTakesOverTheDomain() {
        String winner = crm.id("company:no-domain");
        String loser = crm.id("company:acme-uk");
        jdbi.useHandle(h -> h.execute("update sandbox_crm.contacts set company_id = " + loser + " where id = "
                + crm.id("customer")));

        boolean merged = fixes.merge(RecordType.COMPANY, winner, loser);

        assertThat(merged).isTrue();
        assertThat(count("select count(*) from sandbox_crm.companies where id = " + loser)).isZero();
        assertThat(count("select count(*) from sandbox_crm.contacts where company_id = " + winner)).isEqualTo(1);
        assertThat(text("select domain from sandbox_crm.companies where id = " + winner)).isEqualTo("acme.co.uk");
    }

    @Test
    void mergingContactsMovesDealsAndRemembersTheMergedId() {
        String winner = crm.id("duplicate");
        String loser = crm.id("customer");

        fixes.merge(RecordType.CONTACT, winner, loser);

        assertThat(count("select count(*) from sandbox_crm.deal_contacts where contact_id = " + winner)).isEqualTo(1);
        assertThat(count("select count(*) from sandbox_crm.merged_records where merged_id = " + loser
                + " and into_id = " + winner)).isEqualTo(1);
        assertThat(text("select hubspot_owner_id from sandbox_crm.contacts where id = " + winner)).isEqualTo("o1");
    }

    @Test
    void mergingTheSameLoserAgainChangesNothing() {
        fixes.merge(RecordType.CONTACT, crm.id("customer"), crm.id("duplicate"));

        assertThat(fixes.merge(RecordType.CONTACT, crm.id("customer"), crm.id("duplicate"))).isFalse();
    }

    @Test
    void readingAMergedRecordSaysWhereItWent() {
        fixes.merge(RecordType.CONTACT, crm.id("customer"), crm.id("duplicate"));

        assertThatThrownBy(() -> fixes.read(RecordType.CONTACT, crm.id("duplicate"), Set.of(RecordField.PHONE)))
                .isInstanceOf(CrmFailure.class).hasMessageContaining("merged into " + crm.id("customer"));
    }

    private String text(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
