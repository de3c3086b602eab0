package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.application.port.out.crm.SandboxCrmSeeder;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The sandbox CRM's one public entry: migrates its own schema and answers the {@link CrmGateway}. */
public final class SandboxCrmAdapter {
    public static final String SCHEMA = "sandbox_crm";

    private SandboxCrmAdapter() {
    }

    /** The sandbox CRM's seeding entry: only the sandbox can be emptied and reloaded. */
    public static SandboxCrmSeeder seeder(DataSource dataSource, Clock clock) {
        return new SandboxSeeder(migrated(dataSource), clock);
    }

    public static CrmGateway create(DataSource dataSource, Clock clock) {
        return new SandboxCrmGateway(migrated(dataSource), clock);
    }

    /** Notes and tasks in the sandbox CRM, each written once per idempotency key. */
    public static CrmEngagements engagements(DataSource dataSource, Clock clock) {
        return new SandboxEngagements(migrated(dataSource), clock);
    }

    /** Deals in the sandbox CRM, each created once per idempotency key. */
    public static CrmDeals deals(DataSource dataSource, Clock clock) {
        return new SandboxDeals(migrated(dataSource), clock);
    }

    /** Contacts upserted by email, many at once (backfills and replays). */
    public static CrmContactBatches contactBatches(DataSource dataSource, Clock clock) {
        return new SandboxContactBatches(new SandboxCrmGateway(migrated(dataSource), clock));
    }

    /** Firmographic properties of sandbox CRM companies, for enrichment under the merge policy. */
    public static CrmCompanyProfiles companyProfiles(DataSource dataSource, Clock clock) {
        return new SandboxCompanyProfiles(migrated(dataSource), clock);
    }

    /** The sandbox CRM paged through, for the data-quality audit and the backfills. */
    public static CrmRecords records(DataSource dataSource, Clock clock) {
        return new SandboxCrmRecords(migrated(dataSource), clock);
    }

    /** The data-quality backfill's writes (field fixes and merges) on the sandbox CRM. */
    public static CrmRecordFixes fixes(DataSource dataSource, Clock clock) {
        return new SandboxCrmRecords(migrated(dataSource), clock);
    }

    /** A handle on the sandbox CRM's schema, migrated first: every port reads and writes the current tables. */
    private static Jdbi migrated(DataSource dataSource) {
        migrate(dataSource);
        return Jdbi.create(dataSource);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .table("sandbox_crm_schema_history")
                .locations("classpath:db/sandbox-crm")
                .load()
                .migrate();
    }
}
