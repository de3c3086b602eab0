package dev.orchestrator.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Companies as the orchestrator knows them, by registrable domain: what enrichment found and the CRM id. */
public interface CompanyDirectory {
    Optional<KnownCompany> find(String domain);

    void save(KnownCompany company);

    record KnownCompany(String domain, Optional<String> name, Optional<String> crmId, Optional<Integer> employees,
            Optional<String> industry, Optional<String> revenueRange, Optional<String> fundingStage,
            Optional<String> country, Optional<String> state, List<String> technologies, Instant updatedAt) {
        public KnownCompany {
            technologies = List.copyOf(technologies);
        }
    }
}
