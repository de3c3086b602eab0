package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import java.net.http.HttpClient;

/** The one public way to a Salesforce {@link CrmGateway}. */
public final class SalesforceAdapter {
    private SalesforceAdapter() {
    }

    /** Every Salesforce port over one token and one {@code Sforce-Limit-Info} record. */
    public record Ports(CrmGateway gateway, CrmDeals deals, CrmEngagements engagements, CrmContactBatches batches,
            CrmCompanyProfiles companyProfiles) {
    }

    public static Ports createPorts(SalesforceSettings settings, HttpClient http) {
        return createPorts(settings, SalesforceAccountFields.defaults(), http);
    }

    public static Ports createPorts(SalesforceSettings settings, SalesforceAccountFields accountFields,
            HttpClient http) {
        ObjectMapper json = new ObjectMapper();
        Secrets secrets = new Secrets(settings.clientSecret());
        SalesforceTokens tokens = new SalesforceTokens(settings, http, json, secrets);
        SalesforceErrors errors = new SalesforceErrors(json, secrets, settings.fieldMap());
        SalesforceHttp client = new SalesforceHttp(settings, http, tokens, json, secrets);
        SalesforceRecords records = new SalesforceRecords(client, errors);
        return new Ports(new SalesforceCrmGateway(client, errors, settings.fieldMap()),
                new SalesforceDeals(records), new SalesforceEngagements(records),
                new SalesforceContactBatches(records, settings.fieldMap()),
                new SalesforceCompanyProfiles(records, accountFields));
    }

    public static CrmGateway create(SalesforceSettings settings, HttpClient http) {
        ObjectMapper json = new ObjectMapper();
        Secrets secrets = new Secrets(settings.clientSecret());
        SalesforceTokens tokens = new SalesforceTokens(settings, http, json, secrets);
        SalesforceErrors errors = new SalesforceErrors(json, secrets, settings.fieldMap());
        return new SalesforceCrmGateway(new SalesforceHttp(settings, http, tokens, json, secrets), errors,
                settings.fieldMap());
    }

    /** The backfill's reads, field writes and merges on Salesforce (REST, and the SOAP API's {@code merge()}). */
    public static CrmRecordFixes fixes(SalesforceSettings settings, HttpClient http) {
        ObjectMapper json = new ObjectMapper();
        Secrets secrets = new Secrets(settings.clientSecret());
        SalesforceTokens tokens = new SalesforceTokens(settings, http, json, secrets);
        return new SalesforceRecordFixes(new SalesforceHttp(settings, http, tokens, json, secrets),
                new SalesforceErrors(json, secrets, settings.fieldMap()), settings.fieldMap(), json);
    }

    /** Salesforce's contacts, accounts, users and opportunities paged through (SOQL, then {@code nextRecordsUrl}). */
    public static CrmRecords records(SalesforceSettings settings, HttpClient http) {
        return records(settings, SalesforceAccountFields.defaults(), http);
    }

    /** As above, with the org's Account fields and industry picklist values ({@link SalesforceAccountFields}). */
    public static CrmRecords records(SalesforceSettings settings, SalesforceAccountFields accountFields,
            HttpClient http) {
        ObjectMapper json = new ObjectMapper();
        Secrets secrets = new Secrets(settings.clientSecret());
        SalesforceTokens tokens = new SalesforceTokens(settings, http, json, secrets);
        return new SalesforceCrmRecords(new SalesforceHttp(settings, http, tokens, json, secrets),
                new SalesforceErrors(json, secrets, settings.fieldMap()), settings.fieldMap(), accountFields);
    }
}
