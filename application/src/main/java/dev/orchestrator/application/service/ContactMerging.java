package dev.orchestrator.application.service;

import dev.orchestrator.domain.merge.MergePolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline needs to merge instead of duplicating: person dedupe for leads with a new e-mail, the merge
 * policy for a matched contact's fields, and (where the CRM supports it) firmographics written to the company.
 */
public record ContactMerging(PersonMatching people, MergePolicy policy,
        Optional<CrmFirmographicsWriter> firmographics) {
    public ContactMerging {
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(firmographics, "firmographics");
    }
}
