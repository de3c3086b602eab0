package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.application.port.out.crm.CrmGateway;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The sandbox CRM's one public entry: migrates its own schema and answers the {@link CrmGateway}. */
public final class SandboxCrmAdapter {
    public static final String SCHEMA = "sandbox_crm";

    private SandboxCrmAdapter() {
    }

    public static CrmGateway create(DataSource dataSource, Clock clock) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .table("sandbox_crm_schema_history")
                .locations("classpath:db/sandbox-crm")
                .load()
                .migrate();
        return new SandboxCrmGateway(Jdbi.create(dataSource), clock);
    }
}
