package dev.orchestrator.web.boot;

import dev.orchestrator.adapter.crm.hubspot.HubSpotAdapter;
import dev.orchestrator.adapter.crm.hubspot.HubSpotSettings;
import dev.orchestrator.adapter.crm.salesforce.SalesforceAdapter;
import dev.orchestrator.adapter.crm.salesforce.SalesforceSettings;
import dev.orchestrator.adapter.crm.sandbox.SandboxCrmAdapter;
import dev.orchestrator.adapter.persistence.Database;
import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.adapter.persistence.audit.AuditPersistence;
import dev.orchestrator.application.audit.IsoCountryCodes;
import dev.orchestrator.application.audit.OwnerReassignment;
import dev.orchestrator.application.audit.SurvivorRule;
import dev.orchestrator.application.dedupe.GuavaRegistrableDomains;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.in.audit.BackfillRate;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.application.service.AuditCrmService;
import dev.orchestrator.application.service.BackfillIdentityFromCrmService;
import dev.orchestrator.application.service.BackfillIdentityIndexService;
import dev.orchestrator.application.service.CrmBackfillService;
import dev.orchestrator.application.validate.FreeMailDomains;
import dev.orchestrator.web.pages.AuditPage;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The data-quality audit and its backfills wired for one CRM (the server's page and the CLI share this).
 * Backfill writes are implemented for the sandbox CRM and HubSpot; with Salesforce the audit and the identity
 * backfill run, and a backfill is refused with a message saying so.
 */
final class AuditWiring {
    /** {@code BACKFILL_RATE_PER_SECOND}, {@code BACKFILL_REQUESTS_PER_DAY}, {@code BACKFILL_APPROVAL_ABOVE}. */
    record AuditSettings(BackfillRate rate, int approvalAbove) {
        static AuditSettings fromEnvironment(Map<String, String> env) {
            try {
                return new AuditSettings(new BackfillRate(
                        Double.parseDouble(env.getOrDefault("BACKFILL_RATE_PER_SECOND", "5").strip()),
                        Long.parseLong(env.getOrDefault("BACKFILL_REQUESTS_PER_DAY", "10000").strip())),
                        Integer.parseInt(env.getOrDefault("BACKFILL_APPROVAL_ABOVE", "2").strip()));
            } catch (RuntimeException e) {
                throw new Settings.ConfigurationError("BACKFILL_*", "rate, daily limit and approval size must be "
                        + "positive numbers (" + e.getMessage() + ")");
            }
        }
    }

    final CrmRecords records;
    final Optional<CrmRecordFixes> fixes;
    final AuditCrmService audit;
    final CrmBackfillService backfill;
    final BackfillIdentityFromCrmService identity;
    final AuditSettings settings;
    final String crm;

    AuditWiring(Settings settings, Database database, PersistenceAdapter persistence, HttpClient http, Clock clock,
            IdGenerator ids) {
        this.crm = settings.crm();
        this.settings = AuditSettings.fromEnvironment(System.getenv());
        switch (settings.crm()) {
            case "hubspot" -> {
                HubSpotAdapter.LanesWithRecords hubSpot = HubSpotAdapter.createLanesWithRecords(
                        HubSpotSettings.fromEnvironment(System.getenv()), http, clock);
                this.records = hubSpot.records();
                this.fixes = Optional.of(hubSpot.fixes());
            }
            case "salesforce" -> {
                this.records = SalesforceAdapter.records(SalesforceSettings.fromEnvironment(System.getenv()), http);
                this.fixes = Optional.empty();
            }
            default -> {
                this.records = SandboxCrmAdapter.records(database.dataSource(), clock);
                this.fixes = Optional.of(SandboxCrmAdapter.fixes(database.dataSource(), clock));
            }
        }
        this.audit = new AuditCrmService(FreeMailDomains.shipped(), new IsoCountryCodes(), SurvivorRule.mostComplete(),
                clock);
        this.backfill = new CrmBackfillService(fixes.orElseGet(() -> new UnsupportedFixes(settings.crm())),
                AuditPersistence.backfillJobs(persistence.jdbi()), persistence.audit(),
                OwnerReassignment.roundRobin(), ids, clock, duration -> Thread.sleep(duration.toMillis(),
                        duration.toNanosPart() % 1_000_000));
        this.identity = new BackfillIdentityFromCrmService(new BackfillIdentityIndexService(
                persistence.identityIndex(), new MatchRecordFactory(new GuavaRegistrableDomains())),
                AuditPersistence.identityCursors(persistence.jdbi()));
    }

    AuditPage page() {
        return new AuditPage(audit, backfill, () -> records, crm, settings.rate(), settings.approvalAbove());
    }

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** What a backfill meets on a CRM whose fix writes are not built yet: a clear refusal, item by item. */
    private record UnsupportedFixes(String crm) implements CrmRecordFixes {
        @Override
        public String name() {
            return crm;
        }

        @Override
        public Map<dev.orchestrator.application.port.out.crm.RecordField, String> read(
                dev.orchestrator.application.port.out.crm.RecordType type, String id,
                java.util.Set<dev.orchestrator.application.port.out.crm.RecordField> fields) {
            throw refusal();
        }

        @Override
        public void write(dev.orchestrator.application.port.out.crm.RecordType type, String id,
                Map<dev.orchestrator.application.port.out.crm.RecordField, String> values) {
            throw refusal();
        }

        @Override
        public boolean merge(dev.orchestrator.application.port.out.crm.RecordType type, String winnerId,
                String loserId) {
            throw refusal();
        }

        private dev.orchestrator.application.port.out.crm.CrmFailure refusal() {
            return new dev.orchestrator.application.port.out.crm.CrmFailure(
                    dev.orchestrator.application.port.out.crm.CrmFailure.Kind.REVIEW,
                    "backfill writes are implemented for the sandbox CRM and HubSpot, not " + crm);
        }
    }
}
