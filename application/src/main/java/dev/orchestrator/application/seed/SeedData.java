package dev.orchestrator.application.seed;

import dev.orchestrator.application.port.out.crm.CrmOwner;
import java.util.List;
import java.util.Optional;

/** The sandbox CRM's whole content, generated from a seed: owners, companies and their contacts. */
public record SeedData(List<CrmOwner> owners, List<SeedCompany> companies, List<SeedContact> contacts) {
    public SeedData {
        owners = List.copyOf(owners);
        companies = List.copyOf(companies);
        contacts = List.copyOf(contacts);
    }

    public record SeedCompany(String name, String domain, Optional<String> industry, Optional<Integer> employees,
            Optional<String> country) {
    }

    public record SeedContact(String email, String firstName, String lastName, Optional<String> phone,
            String companyDomain, String lifecycleStage, Optional<String> ownerId) {
    }
}
