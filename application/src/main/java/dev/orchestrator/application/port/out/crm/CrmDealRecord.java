package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.shared.Require;
import java.util.List;

/**
 * A deal with its links.
 *
 * @param closedWon whether the CRM counts its stage as won (HubSpot {@code closedwon}, Salesforce {@code IsWon})
 */
public record CrmDealRecord(String id, String stage, boolean closedWon, String companyId, List<String> contactIds) {
    public CrmDealRecord {
        Require.notBlank("id", id);
        stage = Texts.orEmpty(stage);
        companyId = Texts.orEmpty(companyId);
        contactIds = List.copyOf(Require.present("contactIds", contactIds));
    }
}
