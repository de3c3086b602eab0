package dev.orchestrator.application.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.crm.CrmContactRecord;
import dev.orchestrator.application.port.out.crm.RecordPage;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvCrmExportTest {
    private static final String CONTACTS = """
            email,hs_object_id,firstname,lastname,phone,country,lifecyclestage,hubspot_owner_id,associatedcompanyid,company
            jane@acme.com,1,Jane,Doe,+14155550101,US,customer,7,55,Acme
            bob@gmail.com,2,Bob,Smith,,USA,lead,,,
            carol@acme.com,3,Carol,Jones,,US,lead,7,55,Acme
            """;
    private static final String COMPANIES = """
            id,name,domain,industry,country
            55,Acme,acme.com,software,US
            """;

    private final CsvCrmExport export = new CsvCrmExport(new StringReader(CONTACTS), new StringReader(COMPANIES),
            Optional.empty(), Optional.empty());

    @Test
    void hubSpotColumnNamesAreRead() {
        assertThat(export.contacts(Optional.empty(), 10).records().get(0)).isEqualTo(new CrmContactRecord("1",
                "jane@acme.com", "Jane", "Doe", "+14155550101", "US", "customer", "7", "55", "Acme"));
    }

    @Test
    void rowsArePagedByOffset() {
        RecordPage<CrmContactRecord> first = export.contacts(Optional.empty(), 2);
        RecordPage<CrmContactRecord> second = export.contacts(first.next(), 2);

        assertThat(first.records()).extracting(CrmContactRecord::id).containsExactly("1", "2");
        assertThat(second.records()).extracting(CrmContactRecord::id).containsExactly("3");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void ownersAndDealsAreOptional() {
        assertThat(export.owners(Optional.empty(), 10).records()).isEmpty();
        assertThat(export.deals(Optional.empty(), 10).records()).isEmpty();
        assertThat(export.companies(Optional.empty(), 10).records()).singleElement()
                .satisfies(c -> assertThat(c.domain()).isEqualTo("acme.com"));
    }

    @Test
    void dealsListTheirContactsSeparatedBySemicolons() {
        CsvCrmExport withDeals = new CsvCrmExport(new StringReader(CONTACTS), new StringReader(COMPANIES),
                Optional.empty(), Optional.of(new StringReader("id,stage,closed_won,company_id,contact_ids\n"
                        + "9,closedwon,true,55,1;3\n")));

        assertThat(withDeals.deals(Optional.empty(), 10).records()).singleElement()
                .satisfies(d -> assertThat(d.contactIds()).containsExactly("1", "3"))
                .satisfies(d -> assertThat(d.closedWon()).isTrue());
    }
}
