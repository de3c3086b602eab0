package dev.orchestrator.application.service;

import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.in.CompanyMatch;
import dev.orchestrator.application.port.in.MatchCompanyQuery;
import dev.orchestrator.application.port.in.MatchCompanyUseCase;
import dev.orchestrator.application.port.out.IdentityIndex;

/**
 * Lead-to-account matching for the pipeline: fuzzy candidates from the identity index, and the index kept up to
 * date with every company the pipeline writes (index ids are CRM company ids).
 */
public record AccountMatching(MatchCompanyUseCase matcher, IdentityIndex index, MatchRecordFactory records) {

    CompanyMatch match(String leadId, String companyName, String domain, String email, String phone,
            String country) {
        return matcher.match(new MatchCompanyQuery(leadId, companyName, domain, "", email, phone, "", country));
    }

    void remember(String crmCompanyId, String name, String domain, String country) {
        index.index(records.toMatchRecord(new DedupeRecord(crmCompanyId, name, domain, "", "", "", "", "", "",
                country)));
    }
}
