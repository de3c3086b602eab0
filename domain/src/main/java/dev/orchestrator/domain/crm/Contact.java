package dev.orchestrator.domain.crm;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A contact as the orchestrator knows it: our own id, the CRM's id once written, and the state our rules
 * decided (stage, owner, scores). The CRM stays the team's interface; this is our memory of what we did.
 */
public record Contact(
        UUID id,
        EmailAddress email,
        PersonName name,
        Optional<String> company,
        Optional<String> companyDomain,
        Optional<String> phone,
        Optional<CrmObjectId> crmId,
        LifecycleStage stage,
        Optional<String> ownerId,
        int fitScore,
        int behaviorScore,
        Map<String, String> facts,
        Instant createdAt,
        Instant updatedAt) {

    public Contact {
        Require.present("id", id);
        Require.present("email", email);
        Require.present("name", name);
        Require.present("company", company);
        Require.present("companyDomain", companyDomain);
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(Require.present("facts", facts)));
        Require.present("phone", phone);
        Require.present("crmId", crmId);
        Require.present("stage", stage);
        Require.present("ownerId", ownerId);
        Require.present("createdAt", createdAt);
        Require.present("updatedAt", updatedAt);
    }

    public Contact withCrmId(CrmObjectId newCrmId, Instant at) {
        return new Contact(id, email, name, company, companyDomain, phone, Optional.of(newCrmId), stage, ownerId,
                fitScore, behaviorScore, facts, createdAt, at);
    }

    /** The CRM deleted its record: we keep our memory of the contact, without a CRM id to write to. */
    public Contact withoutCrmId(Instant at) {
        return new Contact(id, email, name, company, companyDomain, phone, Optional.empty(), stage, ownerId,
                fitScore, behaviorScore, facts, createdAt, at);
    }

    /** The lead's latest details; a field the new submission leaves out keeps what we knew. */
    public Contact withDetails(PersonName newName, Optional<String> newCompany, Optional<String> newCompanyDomain,
            Optional<String> newPhone, Map<String, String> newFacts, Instant at) {
        Map<String, String> merged = new LinkedHashMap<>(facts);
        merged.putAll(newFacts);
        PersonName mergedName = new PersonName(newName.first().or(name::first), newName.last().or(name::last));
        return new Contact(id, email, mergedName, newCompany.or(() -> company),
                newCompanyDomain.or(() -> companyDomain), newPhone.or(() -> phone), crmId, stage, ownerId, fitScore,
                behaviorScore, merged, createdAt, at);
    }

    /** What the rules decided: stage, owner and scores. */
    public Contact withDecision(LifecycleStage newStage, Optional<String> newOwnerId, int fit, int behavior,
            Instant at) {
        return new Contact(id, email, name, company, companyDomain, phone, crmId, newStage, newOwnerId, fit, behavior,
                facts, createdAt, at);
    }
}
