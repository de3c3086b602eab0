package dev.orchestrator.adapter.crm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.adapter.persistence.audit.AuditPersistence;
import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.GuavaRegistrableDomains;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.in.CrmIdentityBackfillCommand;
import dev.orchestrator.application.port.in.CrmIdentityBackfillReport;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.application.service.BackfillIdentityFromCrmService;
import dev.orchestrator.application.service.BackfillIdentityIndexService;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Issue #4's backfill: the sandbox CRM's companies and contacts filed in the PostgreSQL identity index. */
class SandboxIdentityBackfillTest {
    private final MatchRecordFactory factory = new MatchRecordFactory(new GuavaRegistrableDomains());

    @Test
    void theCrmsCompaniesBecomeCandidatesAfterAStoppedBackfillIsResumed() {
        DataSource dataSource = TestDatabase.fresh();
        MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
        PersistenceAdapter persistence = PersistenceAdapter.create(dataSource, clock, new SequentialIds());
        var records = SandboxCrmAdapter.records(dataSource, clock);
        ProblemCrm crm = ProblemCrm.inject(Jdbi.create(dataSource));
        IdentityIndex index = persistence.identityIndex();
        BackfillIdentityFromCrmService backfill = new BackfillIdentityFromCrmService(
                new BackfillIdentityIndexService(index, factory), AuditPersistence.identityCursors(persistence.jdbi()));
        AtomicInteger pages = new AtomicInteger();

        CrmIdentityBackfillReport stopped = backfill.backfill(new CrmIdentityBackfillCommand(
                records, false, 4, () -> pages.incrementAndGet() > 1));
        CrmIdentityBackfillReport resumed = backfill.backfill(new CrmIdentityBackfillCommand(
                records, false, 4, () -> false));

        assertThat(stopped.complete()).isFalse();
        assertThat(resumed.resumed()).isTrue();
        assertThat(stopped.companies() + resumed.companies()).isEqualTo(6);
        assertThat(resumed.contacts()).isEqualTo(12);
        assertThat(index.candidates(factory.toMatchRecord(new DedupeRecord("lead-1", "Hooli Inc", "hooli.com", "", "",
                "", "", "", "", "")), IdentityIndex.Kind.COMPANY))
                .extracting(c -> c.record().id()).contains(crm.id("company:clean"));
    }
}
