package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.adapter.crm.salesforce.SalesforceFieldMap.Field;
import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.crm.CrmCompanyRecord;
import dev.orchestrator.application.port.out.crm.CrmContactRecord;
import dev.orchestrator.application.port.out.crm.CrmDealRecord;
import dev.orchestrator.application.port.out.crm.CrmOwnerRecord;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.application.port.out.crm.RecordPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Salesforce's records page by page: the first page is a SOQL query, the cursor of every next page is the
 * {@code nextRecordsUrl} Salesforce returns. The page size is Salesforce's ({@code Sforce-Query-Options}
 * batch size is left at its default), so {@code limit} is an upper bound the API decides.
 */
final class SalesforceCrmRecords implements CrmRecords {
    private final SalesforceHttp http;
    private final SalesforceErrors errors;
    private final SalesforceFieldMap fields;
    private final SalesforceAccountFields accountFields;

    /**
     * {@code accountFields} say which field holds an account's industry and which picklist values stand for which
     * industry of our taxonomy: an account is read with our key, so the audit flags only values the taxonomy has no
     * place for, not every value of the org's picklist.
     */
    SalesforceCrmRecords(SalesforceHttp http, SalesforceErrors errors, SalesforceFieldMap fields,
            SalesforceAccountFields accountFields) {
        this.http = http;
        this.errors = errors;
        this.fields = fields;
        this.accountFields = accountFields;
    }

    @Override
    public String name() {
        return "salesforce";
    }

    @Override
    public RecordPage<CrmContactRecord> contacts(Optional<String> cursor, int limit) {
        String soql = "SELECT Id, " + f(Field.EMAIL) + ", " + f(Field.FIRST_NAME) + ", " + f(Field.LAST_NAME) + ", "
                + f(Field.PHONE) + ", MailingCountry, " + f(Field.LIFECYCLE_STAGE) + ", " + f(Field.OWNER) + ", "
                + f(Field.CONTACT_ACCOUNT) + ", " + f(Field.COMPANY) + " FROM Contact ORDER BY Id";
        return page("list contacts", soql, cursor, r -> new CrmContactRecord(r.path("Id").asText(),
                text(r, f(Field.EMAIL)), text(r, f(Field.FIRST_NAME)), text(r, f(Field.LAST_NAME)),
                text(r, f(Field.PHONE)), text(r, "MailingCountry"), text(r, f(Field.LIFECYCLE_STAGE)),
                text(r, f(Field.OWNER)), text(r, f(Field.CONTACT_ACCOUNT)), text(r, f(Field.COMPANY))));
    }

    @Override
    public RecordPage<CrmCompanyRecord> companies(Optional<String> cursor, int limit) {
        Optional<String> industry = accountFields.field(CompanyProfileField.INDUSTRY);
        String soql = "SELECT Id, " + f(Field.ACCOUNT_NAME) + ", " + f(Field.ACCOUNT_WEBSITE) + ", "
                + industry.map(name -> name + ", ").orElse("") + "BillingCountry, OwnerId FROM Account ORDER BY Id";
        return page("list accounts", soql, cursor, r -> new CrmCompanyRecord(r.path("Id").asText(),
                text(r, f(Field.ACCOUNT_NAME)), SalesforceCrmGateway.host(text(r, f(Field.ACCOUNT_WEBSITE))),
                industry.map(name -> accountFields.fromOrg(CompanyProfileField.INDUSTRY, text(r, name))).orElse(""),
                text(r, "BillingCountry"), text(r, "OwnerId")));
    }

    @Override
    public RecordPage<CrmOwnerRecord> owners(Optional<String> cursor, int limit) {
        return page("list owners", "SELECT Id, Email, FirstName, LastName, IsActive FROM User "
                + "WHERE UserType = 'Standard' ORDER BY Id", cursor, r -> new CrmOwnerRecord(r.path("Id").asText(),
                text(r, "Email"), (text(r, "FirstName") + " " + text(r, "LastName")).strip(),
                r.path("IsActive").asBoolean(false)));
    }

    /** Opportunities, with their contact roles as the linked contacts. */
    @Override
    public RecordPage<CrmDealRecord> deals(Optional<String> cursor, int limit) {
        return page("list opportunities", "SELECT Id, StageName, IsWon, AccountId, "
                + "(SELECT ContactId FROM OpportunityContactRoles) FROM Opportunity ORDER BY Id", cursor, r -> {
                    List<String> contacts = new ArrayList<>();
                    r.path("OpportunityContactRoles").path("records")
                            .forEach(role -> contacts.add(role.path("ContactId").asText()));
                    return new CrmDealRecord(r.path("Id").asText(), text(r, "StageName"),
                            r.path("IsWon").asBoolean(false), text(r, "AccountId"), contacts);
                });
    }

    private <T> RecordPage<T> page(String operation, String soql, Optional<String> cursor,
            Function<JsonNode, T> mapper) {
        String path = cursor.orElse("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
        SalesforceHttp.Reply reply = http.send(operation, "GET", path, Optional.empty());
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
        JsonNode page = errors.body(operation, reply);
        List<T> records = new ArrayList<>();
        page.path("records").forEach(r -> records.add(mapper.apply(r)));
        Optional<String> next = page.path("done").asBoolean(true) || !page.hasNonNull("nextRecordsUrl")
                ? Optional.empty() : Optional.of(page.get("nextRecordsUrl").asText());
        return new RecordPage<>(records, next);
    }

    private String f(Field field) {
        return fields.field(field);
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
