package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.crm.CrmCompanyRecord;
import dev.orchestrator.application.port.out.crm.CrmContactRecord;
import dev.orchestrator.application.port.out.crm.CrmDealRecord;
import dev.orchestrator.application.port.out.crm.CrmOwnerRecord;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.application.port.out.crm.RecordPage;
import dev.orchestrator.adapter.crm.testing.CannedServer;
import dev.orchestrator.application.testing.MutableClock;
import java.net.http.HttpClient;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubSpotCrmRecordsTest {
    private final CannedServer portal = new CannedServer();
    private final CrmRecords records = HubSpotAdapter.createLanesWithRecords(
            HubSpotSettings.of("pat-na1-test").withBaseUrl(portal.uri()), HttpClient.newHttpClient(),
            MutableClock.at("2026-01-05T10:15:30Z"), duration -> { }).records();

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void contactsArePagedWithTheAfterCursorAndTheAuditProperties() {
        portal.answer("/crm/v3/objects/contacts?limit=2&archived=false&properties=email,firstname", """
                {"results":[{"id":"101","properties":{"email":"jane@acme.com","firstname":"Jane","lastname":"Doe",
                 "phone":"+14155550101","country":"US","lifecyclestage":"customer","hubspot_owner_id":"7",
                 "associatedcompanyid":"55","company":"Acme"}}],
                 "paging":{"next":{"after":"102"}}}""");

        RecordPage<CrmContactRecord> page = records.contacts(Optional.empty(), 2);

        assertThat(page.records()).containsExactly(new CrmContactRecord("101", "jane@acme.com", "Jane", "Doe",
                "+14155550101", "US", "customer", "7", "55", "Acme"));
        assertThat(page.next()).contains("102");
        assertThat(portal.requests()).singleElement().asString().startsWith("GET /crm/v3/objects/contacts?limit=2")
                .contains("properties=email,firstname,lastname,phone,country,lifecyclestage,hubspot_owner_id");
    }

    @Test
    void theNextPageSendsTheCursorBackAndTheLastPageHasNone() {
        portal.answer("/crm/v3/objects/companies", """
                {"results":[{"id":"55","properties":{"name":"Acme","domain":"acme.com","industry":"COMPUTER_SOFTWARE",
                 "country":"United States"}}]}""");

        var page = records.companies(Optional.of("55"), 100);

        assertThat(page.next()).isEmpty();
        assertThat(page.records().get(0).name()).isEqualTo("Acme");
        assertThat(portal.requests()).singleElement().asString().contains("&after=55");
    }

    @Test
    void aCompanysIndustryOptionIsReadAsTheTaxonomyKeyItStandsFor() {
        portal.answer("/crm/v3/objects/companies", """
                {"results":[{"id":"55","properties":{"name":"Acme","industry":"COMPUTER_SOFTWARE"}},
                 {"id":"56","properties":{"name":"Ledger & Co","industry":"ACCOUNTING"}}]}""");

        var page = records.companies(Optional.empty(), 100);

        assertThat(page.records()).extracting(CrmCompanyRecord::industry).containsExactly("software", "ACCOUNTING");
    }

    @Test
    void theIndustryIsReadFromThePropertyThePortalKeepsItIn() {
        CrmRecords remapped = HubSpotAdapter.createLanesWithRecords(
                HubSpotSettings.of("pat-na1-test").withBaseUrl(portal.uri()),
                HubSpotCompanyFields.defaults().withProperty(CompanyProfileField.INDUSTRY, "sector")
                        .withIndustryOption("software", "SaaS"), HttpClient.newHttpClient(),
                MutableClock.at("2026-01-05T10:15:30Z"), duration -> { }).records();
        portal.answer("/crm/v3/objects/companies", """
                {"results":[{"id":"55","properties":{"name":"Acme","sector":"SaaS","industry":"RETAIL"}}]}""");

        var page = remapped.companies(Optional.empty(), 100);

        assertThat(page.records().get(0).industry()).isEqualTo("software");
        assertThat(portal.requests()).singleElement().asString().contains("properties=name,domain,sector,country");
    }

    @Test
    void aPageNeverAsksForMoreThanHubSpotsListLimit() {
        portal.answer("/crm/v3/objects/contacts", "{\"results\":[]}");

        records.contacts(Optional.empty(), 200);

        assertThat(portal.requests()).singleElement().asString().contains("limit=100&");
    }

    @Test
    void dealsCarryTheirWonFlagAndAssociatedRecords() {
        portal.answer("/crm/v3/objects/deals", """
                {"results":[{"id":"9","properties":{"dealstage":"closedwon","hs_is_closed_won":"true"},
                 "associations":{"contacts":{"results":[{"id":"101","type":"deal_to_contact"}]},
                                 "companies":{"results":[{"id":"55","type":"deal_to_company"}]}}}]}""");

        RecordPage<CrmDealRecord> page = records.deals(Optional.empty(), 100);

        assertThat(page.records()).containsExactly(new CrmDealRecord("9", "closedwon", true, "55",
                java.util.List.of("101")));
        assertThat(portal.requests()).singleElement().asString().contains("associations=contacts,companies");
    }

    @Test
    void ownersAreListedActiveFirstThenArchived() {
        portal.answer("/crm/v3/owners?limit=100&archived=false", """
                {"results":[{"id":"7","email":"ann@sales.example","firstName":"Ann","lastName":"Active"}]}""");
        portal.answer("/crm/v3/owners?limit=100&archived=true", """
                {"results":[{"id":"8","email":"gail@sales.example","firstName":"Gail","lastName":"Gone"}]}""");

        RecordPage<CrmOwnerRecord> active = records.owners(Optional.empty(), 100);
        RecordPage<CrmOwnerRecord> archived = records.owners(active.next(), 100);

        assertThat(active.records()).containsExactly(new CrmOwnerRecord("7", "ann@sales.example", "Ann Active", true));
        assertThat(archived.records()).containsExactly(new CrmOwnerRecord("8", "gail@sales.example", "Gail Gone",
                false));
        assertThat(archived.next()).isEmpty();
    }
}
