package dev.orchestrator.e2e;

/** Row counts of the sandbox CRM (schema {@code sandbox_crm}): what the CRM was told, all of it. */
record CrmWriteSet(long contacts, long companies, long contactCompanies, long deals, long engagements) {
    static CrmWriteSet read(SharedPostgres postgres) {
        return new CrmWriteSet(postgres.count("select count(*) from sandbox_crm.contacts"),
                postgres.count("select count(*) from sandbox_crm.companies"),
                postgres.count("select count(*) from sandbox_crm.contact_companies"),
                postgres.count("select count(*) from sandbox_crm.deals"),
                postgres.count("select count(*) from sandbox_crm.engagements"));
    }
}
