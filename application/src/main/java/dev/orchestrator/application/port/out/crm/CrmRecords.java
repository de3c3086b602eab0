package dev.orchestrator.application.port.out.crm;

import java.util.Optional;

/**
 * Pages through what a CRM already holds (contacts, companies, owners, deals), for the data-quality audit and the
 * backfills. A page's {@code next} cursor is opaque (a keyset id, HubSpot's {@code after}, Salesforce's
 * {@code nextRecordsUrl}); pass it back to get the following page. Records come in the CRM's own stable order,
 * and values are the CRM's raw text (possibly invalid: that is what an audit looks for), empty when unset.
 */
public interface CrmRecords {
    /** At most this many records per page; adapters may return fewer. */
    int MAX_PAGE = 200;

    String name();

    RecordPage<CrmContactRecord> contacts(Optional<String> cursor, int limit);

    RecordPage<CrmCompanyRecord> companies(Optional<String> cursor, int limit);

    RecordPage<CrmOwnerRecord> owners(Optional<String> cursor, int limit);

    RecordPage<CrmDealRecord> deals(Optional<String> cursor, int limit);
}
