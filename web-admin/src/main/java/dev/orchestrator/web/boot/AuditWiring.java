package dev.orchestrator.web.boot;

import dev.orchestrator.adapter.crm.hubspot.HubSpotAdapter;
import dev.orchestrator.adapter.crm.hubspot.HubSpotCompanyFields;
import dev.orchestrator.adapter.crm.hubspot.HubSpotSettings;
import dev.orchestrator.adapter.crm.salesforce.SalesforceAccountFields;
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

/**
 * The data-quality audit and its backfills wired for one CRM (the server's page and the CLI share this).
 * Each CRM's backfill writes are its own adapter's: the sandbox's tables, HubSpot's REST API, Salesforce's REST API
 * with the SOAP API's {@code merge()}.
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
    final AuditCrmService audit;
    final CrmBackfillService backfill;
    final BackfillIdentityFromCrmService identity;
    final AuditSettings settings;
    final String crm;

    AuditWiring(Settings settings, Database database, PersistenceAdapter persistence, HttpClient http, Clock clock,
            IdGenerator ids) {
        this.crm = settings.crm();
        this.settings = AuditSettings.fromEnvironment(System.getenv());
        CrmRecordFixes fixes;
        switch (settings.crm()) {
            case "hubspot" -> {
                HubSpotAdapter.LanesWithRecords hubSpot = HubSpotAdapter.createLanesWithRecords(
                        HubSpotSettings.fromEnvironment(System.getenv()), CrmWiring.companyFields(
                                "HUBSPOT_COMPANY_PROPERTIES", () -> HubSpotCompanyFields.fromEnvironment(
                                        System.getenv())), http, clock);
                this.records = hubSpot.records();
                fixes = hubSpot.fixes();
            }
            case "salesforce" -> {
                SalesforceSettings salesforce = SalesforceSettings.fromEnvironment(System.getenv());
                this.records = SalesforceAdapter.records(salesforce, CrmWiring.companyFields(
                        "SALESFORCE_ACCOUNT_FIELDS", () -> SalesforceAccountFields.fromEnvironment(System.getenv())),
                        http);
                fixes = SalesforceAdapter.fixes(salesforce, http);
            }
            default -> {
                this.records = SandboxCrmAdapter.records(database.dataSource(), clock);
                fixes = SandboxCrmAdapter.fixes(database.dataSource(), clock);
            }
        }
        this.audit = new AuditCrmService(FreeMailDomains.shipped(), new IsoCountryCodes(), SurvivorRule.mostComplete(),
                clock);
        this.backfill = new CrmBackfillService(fixes,
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
}
