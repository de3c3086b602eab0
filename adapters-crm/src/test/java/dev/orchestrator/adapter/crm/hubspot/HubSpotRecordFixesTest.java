package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.crm.testing.CannedServer;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.application.port.out.crm.RecordType;
import dev.orchestrator.application.testing.MutableClock;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubSpotRecordFixesTest {
    private final CannedServer portal = new CannedServer();
    private final CrmRecordFixes fixes = HubSpotAdapter.createLanesWithRecords(
            HubSpotSettings.of("pat-na1-test").withBaseUrl(portal.uri()), HttpClient.newHttpClient(),
            MutableClock.at("2026-01-05T10:15:30Z"), duration -> { }).fixes();

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void aFieldIsReadByItsHubSpotProperty() {
        portal.answer("/crm/v3/objects/contacts/101?properties=phone",
                "{\"id\":\"101\",\"properties\":{\"phone\":\"(650) 253-0000\"}}");

        assertThat(fixes.read(RecordType.CONTACT, "101", Set.of(RecordField.PHONE)))
                .containsEntry(RecordField.PHONE, "(650) 253-0000");
    }

    @Test
    void aWriteIsAPatchOfTheProperties() {
        portal.answer("/crm/v3/objects/companies/55", "{\"id\":\"55\",\"properties\":{}}");

        fixes.write(RecordType.COMPANY, "55", Map.of(RecordField.OWNER, "7"));

        assertThat(portal.requests()).singleElement().asString()
                .isEqualTo("PATCH /crm/v3/objects/companies/55 {\"properties\":{\"hubspot_owner_id\":\"7\"}}");
    }

    @Test
    void aMergeNamesThePrimaryAndTheMergedRecord() {
        portal.answer("/crm/v3/objects/contacts/102", "{\"id\":\"102\",\"properties\":{}}");
        portal.answer("/crm/v3/objects/contacts/merge", "{\"id\":\"101\",\"properties\":{}}");

        boolean merged = fixes.merge(RecordType.CONTACT, "101", "102");

        assertThat(merged).isTrue();
        assertThat(portal.requests()).last().asString().startsWith("POST /crm/v3/objects/contacts/merge ")
                .contains("\"primaryObjectId\":\"101\"", "\"objectIdToMerge\":\"102\"");
    }

    @Test
    void aLoserThatAlreadyReadsAsTheWinnerIsNotMergedAgain() {
        portal.answer("/crm/v3/objects/contacts/102", "{\"id\":\"101\",\"properties\":{}}");

        assertThat(fixes.merge(RecordType.CONTACT, "101", "102")).isFalse();
        assertThat(portal.requests()).noneMatch(r -> r.startsWith("POST"));
    }

    @Test
    void theTaxonomysIndustryIsNotWrittenOverHubSpotsEnumeration() {
        assertThatThrownBy(() -> fixes.write(RecordType.COMPANY, "55", Map.of(RecordField.INDUSTRY, "software")))
                .isInstanceOf(CrmFailure.class).hasMessageContaining("enumeration");
    }
}
