package dev.orchestrator.application.service;

import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.in.CompanyMatch;
import dev.orchestrator.application.port.in.MatchCompanyQuery;
import dev.orchestrator.application.port.in.MatchCompanyUseCase;
import dev.orchestrator.application.port.out.CompanyChoices;
import dev.orchestrator.application.port.out.CompanyChoices.CompanyChoice;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.dedupe.MatchRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Lead-to-account matching for the pipeline: fuzzy candidates from the identity index, and the index kept up to
 * date with every company the pipeline writes (index ids are CRM company ids). The company chosen for an event is
 * kept ({@code choices}), so a re-run of the event links the company its first run chose.
 */
public record AccountMatching(MatchCompanyUseCase matcher, IdentityIndex index, MatchRecordFactory records,
        CompanyChoices choices) {

    CompanyMatch match(String leadId, String companyName, String domain, String email, String phone,
            String country) {
        return matcher.match(new MatchCompanyQuery(leadId, companyName, domain, "", email, phone, "", country));
    }

    void remember(String crmCompanyId, String name, String domain, String country) {
        index.index(record(crmCompanyId, name, domain, country));
    }

    /** The record a written company is filed under. */
    MatchRecord record(String crmCompanyId, String name, String domain, String country) {
        return records.toMatchRecord(new DedupeRecord(crmCompanyId, name, domain, "", "", "", "", "", "", country));
    }

    /** Files several companies' records at once (a worker's wave of leads). */
    void rememberAll(List<MatchRecord> companies) {
        if (!companies.isEmpty()) {
            index.indexAll(companies);
        }
    }


    /** What an earlier run of the event chose for the company of {@code domain}, if it got that far. */
    Optional<CompanyChoice> chosen(UUID eventId, String domain) {
        return choices.find(eventId, domain);
    }

    /** Keeps the choice before the CRM writes that act on it; answers the one kept (an earlier one wins). */
    CompanyChoice choose(UUID eventId, String domain, Optional<CrmObjectId> company, String how, Instant at) {
        return choices.choose(eventId, new CompanyChoice(domain, company.map(CrmObjectId::value), how, at));
    }
}
