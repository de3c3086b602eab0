package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.audit.CsvCrmExport;
import dev.orchestrator.application.audit.IsoCountryCodes;
import dev.orchestrator.application.audit.SurvivorRule;
import dev.orchestrator.application.port.in.audit.AuditCrmQuery;
import dev.orchestrator.application.port.in.audit.CrmAuditReport;
import dev.orchestrator.application.port.in.audit.FindingKind;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.validate.FreeMailDomains;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditCrmServiceTest {
    private static final String COMPANIES = """
            id,name,domain,country
            10,Acme,acme.com,US
            11,Globex,globex.com,US
            """;

    private static CrmAuditReport audit(String contacts, Optional<String> owners) {
        return new AuditCrmService(FreeMailDomains.shipped(), new IsoCountryCodes(), SurvivorRule.mostComplete(),
                MutableClock.at("2026-01-05T10:15:30Z")).audit(AuditCrmQuery.of(new CsvCrmExport(
                new StringReader(contacts), new StringReader(COMPANIES), owners.map(StringReader::new),
                Optional.empty())));
    }

    @Test
    void theSamePersonTwiceAtOneCompanyIsADuplicate() {
        CrmAuditReport report = audit("""
                id,email,first_name,last_name,phone,company_id,owner_id
                1,jane@acme.com,Jane,Doe,+14155550101,10,7
                2,jane.doe@acme.com,Jane,Doe,+14155550101,10,7
                """, Optional.empty());

        assertThat(report.clustersOf(FindingKind.DUPLICATE_CONTACT)).singleElement()
                .satisfies(c -> assertThat(c.recordIds()).containsExactlyInAnyOrder("1", "2"));
    }

    @Test
    void aNamesakeAtAnotherCompanyIsNotADuplicate() {
        CrmAuditReport report = audit("""
                id,email,first_name,last_name,phone,company_id,owner_id
                1,priya.dubois@acme.com,Priya,Dubois,+14155553875,10,7
                2,priya.dubois@globex.com,Priya,Dubois,+14155554958,11,7
                """, Optional.empty());

        assertThat(report.count(FindingKind.DUPLICATE_CONTACT)).isZero();
    }

    @Test
    void withoutAnOwnerListOnlyMissingOwnersAreFlagged() {
        CrmAuditReport report = audit("""
                id,email,first_name,last_name,company_id,owner_id
                1,ann@acme.com,Ann,Lee,10,7
                2,bob@acme.com,Bob,Ray,10,
                """, Optional.empty());

        assertThat(report.examples(FindingKind.CONTACT_WITHOUT_OWNER, 10)).singleElement()
                .satisfies(f -> assertThat(f.recordId()).isEqualTo("2"));
    }

    @Test
    void anOwnerIdTheCrmDoesNotKnowIsFlaggedWhenOwnersAreListed() {
        CrmAuditReport report = audit("""
                id,email,first_name,last_name,company_id,owner_id
                1,ann@acme.com,Ann,Lee,10,7
                2,bob@acme.com,Bob,Ray,10,99
                """, Optional.of("id,email,name,active\n7,o@x.example,Owen,true\n"));

        assertThat(report.examples(FindingKind.CONTACT_WITHOUT_OWNER, 10)).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("99 is unknown"));
    }
}
