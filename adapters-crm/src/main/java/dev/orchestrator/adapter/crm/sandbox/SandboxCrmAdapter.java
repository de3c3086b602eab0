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
        migrate(dataSource);
        return new SandboxSeeder(Jdbi.create(dataSource), clock);
    }

    public static CrmGateway create(DataSource dataSource, Clock clock) {
        migrate(dataSource);
        return new SandboxCrmGateway(Jdbi.create(dataSource), clock);
    }

    /** Notes and tasks in the sandbox CRM, each written once per idempotency key. */
    public static CrmEngagements engagements(DataSource dataSource, Clock clock) {
        migrate(dataSource);
        return new SandboxEngagements(Jdbi.create(dataSource), clock);
    }

    /** Deals in the sandbox CRM, each created once per idempotency key. */
    public static CrmDeals deals(DataSource dataSource, Clock clock) {
        migrate(dataSource);
        return new SandboxDeals(Jdbi.create(dataSource), clock);
    }

    /** Contacts upserted by email, many at once (backfills and replays). */
    public static CrmContactBatches contactBatches(DataSource dataSource, Clock clock) {
        migrate(dataSource);
        return new SandboxContactBatches(new SandboxCrmGateway(Jdbi.create(dataSource), clock));
    }

    /** Firmographic properties of sandbox CRM companies, for enrichment under the merge policy. */
    public static CrmCompanyProfiles companyProfiles(DataSource dataSource, Clock clock) {
        migrate(dataSource);
        return new SandboxCompanyProfiles(Jdbi.create(dataSource), clock);
    }

    /** The sandbox CRM paged through, for the data-quality audit and the backfills. */
    public static CrmRecords records(DataSource dataSource, Clock clock) {
        migrate(dataSource);
        return new SandboxCrmRecords(Jdbi.create(dataSource), clock);
    }

    /** The data-quality backfill's writes (field fixes and merges) on the sandbox CRM. */
    public static CrmRecordFixes fixes(DataSource dataSource, Clock clock) {
        migrate(dataSource);
        return new SandboxCrmRecords(Jdbi.create(dataSource), clock);
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
