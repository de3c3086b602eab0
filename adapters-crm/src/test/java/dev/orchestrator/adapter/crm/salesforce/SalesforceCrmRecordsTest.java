package dev.orchestrator.adapter.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.crm.testing.CannedServer;
import dev.orchestrator.application.port.out.crm.CrmCompanyRecord;
import dev.orchestrator.application.port.out.crm.CrmContactRecord;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.application.port.out.crm.RecordPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceCrmRecordsTest {
    private final CannedServer org = new CannedServer();
    private CrmRecords records;

    @BeforeEach
    void connect() {
        org.answer("/services/oauth2/token", """
                {"access_token":"00D-token","instance_url":"%s","token_type":"Bearer"}""".formatted(org.uri()));
        records = SalesforceAdapter.records(SalesforceSettings.of(org.uri(), "client", "secret")
                .withTokenUrl(URI.create(org.uri() + "/services/oauth2/token")), HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void theFirstPageIsASoqlQueryAndTheCursorIsTheNextRecordsUrl() {
        org.answer("/services/data/v62.0/query?q=SELECT", """
                {"done":false,"nextRecordsUrl":"/services/data/v62.0/query/01gxx-2000","records":[
                 {"Id":"003A","Email":"jane@acme.com","FirstName":"Jane","LastName":"Doe","Phone":"+14155550101",
                  "MailingCountry":"USA","Lifecycle_Stage__c":"customer","OwnerId":"005A","AccountId":"001A",
                  "Company_Name__c":"Acme"}]}""");

        RecordPage<CrmContactRecord> page = records.contacts(Optional.empty(), 100);

        assertThat(page.records()).containsExactly(new CrmContactRecord("003A", "jane@acme.com", "Jane", "Doe",
                "+14155550101", "USA", "customer", "005A", "001A", "Acme"));
        assertThat(page.next()).contains("/services/data/v62.0/query/01gxx-2000");
        assertThat(org.requests()).last().asString().contains("FROM+Contact+ORDER+BY+Id");
    }

    @Test
    void theNextPageFollowsTheUrlAndTheLastPageEndsTheListing() {
        org.answer("/services/data/v62.0/query/01gxx-2000", """
                {"done":true,"records":[{"Id":"001B","Name":"Acme","Website":"https://www.acme.com/about",
                 "Industry":"Technology","BillingCountry":"US","OwnerId":"005A"}]}""");

        RecordPage<CrmCompanyRecord> page = records.companies(Optional.of("/services/data/v62.0/query/01gxx-2000"),
                100);

        assertThat(page.records()).containsExactly(new CrmCompanyRecord("001B", "Acme", "acme.com", "software",
                "US", "005A"));
        assertThat(page.next()).isEmpty();
    }

    @Test
    void anIndustryPicklistValueIsReadAsTheTaxonomyKeyItStandsForAndAnyOtherAsItIs() {
        org.answer("/services/data/v62.0/query?q=SELECT", """
                {"done":true,"records":[{"Id":"001B","Name":"Acme","Industry":"Finance"},
                 {"Id":"001C","Name":"Shipyard","Industry":"Shipbuilding"}]}""");

        RecordPage<CrmCompanyRecord> page = records.companies(Optional.empty(), 100);

        assertThat(page.records()).extracting(CrmCompanyRecord::industry)
                .containsExactly("financial_services", "Shipbuilding");
    }
}
