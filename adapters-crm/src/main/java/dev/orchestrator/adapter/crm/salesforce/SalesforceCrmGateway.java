package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.adapter.crm.salesforce.SalesforceFieldMap.Field;
import dev.orchestrator.application.port.out.crm.CompanyDraft;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmCompany;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmHealth;
import dev.orchestrator.application.port.out.crm.CrmOwner;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.shared.DomainViolation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts ({@code Contact}), companies ({@code Account}) and owners ({@code User}) of a Salesforce org through the
 * REST API. SOQL reads are consistent with writes, so search-before-create works; creating a contact is an upsert
 * on an external-id field holding the email, so two workers racing on one email, or a retry after a lost answer,
 * still make one contact.
 */
final class SalesforceCrmGateway implements CrmGateway {
    static final String NAME = "salesforce";
    /** What Salesforce's own Web-to-Lead writes into a required field the person left empty. */
    static final String NOT_PROVIDED = "[not provided]";

    private final SalesforceHttp http;
    private final SalesforceErrors errors;
    private final SalesforceFieldMap fields;

    SalesforceCrmGateway(SalesforceHttp http, SalesforceErrors errors, SalesforceFieldMap fields) {
        this.http = http;
        this.errors = errors;
        this.fields = fields;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CrmContact> findContactByEmail(EmailAddress email) {
        List<JsonNode> records = query("search contact by email", "SELECT Id, " + String.join(", ", contactFields())
                + " FROM Contact WHERE " + f(Field.EMAIL) + " = " + Soql.quote(email.value()) + " LIMIT 2");
        if (records.size() > 1) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "Salesforce holds several contacts with the email " + email
                    + " (ids " + records.stream().map(r -> r.path("Id").asText()).toList() + "): merge them");
        }
        return records.stream().findFirst().map(r -> toContact(r, email));
    }

    /** An existing contact (typed in by hand, so without our external id) is updated, not duplicated. */
    @Override
    public CrmObjectId createContact(ContactDraft draft) {
        Optional<CrmContact> existing = findContactByEmail(draft.email());
        Map<String, String> values = contactValues(draft);
        values.put(f(Field.EXTERNAL_EMAIL), draft.email().value());
        if (existing.isPresent()) {
            patch("update contact " + existing.get().id(), "/sobjects/Contact/" + encode(existing.get().id().value()),
                    values);
            return existing.get().id();
        }
        values.put(f(Field.EMAIL), draft.email().value());
        values.putIfAbsent(f(Field.LAST_NAME), NOT_PROVIDED);
        SalesforceHttp.Reply reply = http.send("upsert contact", "PATCH", "/sobjects/Contact/"
                + f(Field.EXTERNAL_EMAIL) + "/" + encode(draft.email().value()), Optional.of(values));
        if (!reply.ok()) {
            throw errors.classify("upsert contact", reply);
        }
        return new CrmObjectId(errors.body("upsert contact", reply).path("id").asText());
    }

    @Override
    public void updateContact(CrmObjectId id, ContactDraft draft) {
        patch("update contact " + id, "/sobjects/Contact/" + encode(id.value()), contactValues(draft));
    }

    /**
     * Accounts keep a web address, not a domain: candidates are found with LIKE and kept only when their website's
     * host is the domain (so {@code acme.com} does not match {@code notacme.com}).
     */
    @Override
    public Optional<CrmCompany> findCompanyByDomain(String domain) {
        String key = domain.strip().toLowerCase(Locale.ROOT);
        List<CrmCompany> matches = query("search company by domain", "SELECT Id, " + f(Field.ACCOUNT_NAME) + ", "
                + f(Field.ACCOUNT_WEBSITE) + " FROM Account WHERE " + f(Field.ACCOUNT_WEBSITE) + " LIKE "
                + Soql.quoteLike(key) + " LIMIT 50").stream()
                .map(this::toCompany)
                .filter(company -> company.domain().equals(key))
                .toList();
        if (matches.size() > 1) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "Salesforce holds several accounts for " + key + " (ids "
                    + matches.stream().map(c -> c.id().value()).toList() + "): merge them");
        }
        return matches.stream().findFirst();
    }

    /** Account Name is required: without a name the domain stands in. */
    @Override
    public CrmObjectId createCompany(CompanyDraft draft) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(f(Field.ACCOUNT_NAME), draft.name().orElse(draft.domain()));
        values.put(f(Field.ACCOUNT_WEBSITE), draft.domain());
        SalesforceHttp.Reply reply = http.send("create company", "POST", "/sobjects/Account", Optional.of(values));
        if (!reply.ok()) {
            throw errors.classify("create company", reply);
        }
        return new CrmObjectId(errors.body("create company", reply).path("id").asText());
    }

    @Override
    public void updateCompany(CrmObjectId id, CompanyDraft draft) {
        Map<String, String> values = new LinkedHashMap<>();
        draft.name().ifPresent(name -> values.put(f(Field.ACCOUNT_NAME), name));
        values.put(f(Field.ACCOUNT_WEBSITE), draft.domain());
        patch("update company " + id, "/sobjects/Account/" + encode(id.value()), values);
    }

    /** A Contact has one Account: setting it again to the same Account changes nothing. */
    @Override
    public void associateContactWithCompany(CrmObjectId contactId, CrmObjectId companyId) {
        patch("associate contact " + contactId + " with company " + companyId,
                "/sobjects/Contact/" + encode(contactId.value()),
                Map.of(f(Field.CONTACT_ACCOUNT), companyId.value()));
    }

    @Override
    public List<CrmOwner> owners() {
        List<CrmOwner> owners = new ArrayList<>();
        for (JsonNode user : query("list owners",
                "SELECT Id, Email, FirstName, LastName, IsActive FROM User WHERE UserType = 'Standard'")) {
            Optional<EmailAddress> email = text(user, "Email").flatMap(SalesforceCrmGateway::email);
            owners.add(new CrmOwner(user.path("Id").asText(), email,
                    new PersonName(text(user, "FirstName"), text(user, "LastName")),
                    user.path("IsActive").asBoolean(false)));
        }
        return owners;
    }

    /** {@code /limits} costs nothing against the daily allowance it reports. */
    @Override
    public CrmHealth health() {
        try {
            SalesforceHttp.Reply reply = http.send("health check", "GET", "/limits", Optional.empty());
            if (!reply.ok()) {
                CrmFailure failure = errors.classify("health check", reply);
                return new CrmHealth(NAME, false, failure.kind() + ": " + failure.getMessage());
            }
            JsonNode daily = errors.body("health check", reply).path("DailyApiRequests");
            String allowance = daily.has("Max") ? "; " + daily.path("Remaining").asText() + " of "
                    + daily.path("Max").asText() + " API requests left today"
                    : http.lastLimitInfo().isEmpty() ? "" : "; " + http.lastLimitInfo();
            return new CrmHealth(NAME, true, "org answered " + reply.status() + allowance);
        } catch (CrmFailure failure) {
            return new CrmHealth(NAME, false, failure.kind() + ": " + failure.getMessage());
        }
    }

    /**
     * A Salesforce delete of the Contact. Salesforce keeps deleted records in its recycle bin for 15 days; the
     * org's own data-deletion process (or an admin emptying the bin) finishes the erasure, see docs/SECURITY.md.
     * A contact already gone (404) is already forgotten.
     */
    @Override
    public void forgetContact(CrmObjectId id) {
        String operation = "delete contact " + id;
        SalesforceHttp.Reply reply = http.send(operation, "DELETE", "/sobjects/Contact/" + encode(id.value()),
                Optional.empty());
        if (reply.status() == 404) {
            return;
        }
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
    }

    private List<String> contactFields() {
        return List.of(f(Field.EMAIL), f(Field.FIRST_NAME), f(Field.LAST_NAME), f(Field.COMPANY), f(Field.PHONE),
                f(Field.LIFECYCLE_STAGE), f(Field.OWNER));
    }

    private Map<String, String> contactValues(ContactDraft draft) {
        Map<String, String> values = new LinkedHashMap<>();
        draft.name().first().ifPresent(v -> values.put(f(Field.FIRST_NAME), v));
        draft.name().last().ifPresent(v -> values.put(f(Field.LAST_NAME), v));
        draft.company().ifPresent(v -> values.put(f(Field.COMPANY), v));
        draft.phone().ifPresent(v -> values.put(f(Field.PHONE), v));
        draft.lifecycleStage().ifPresent(v -> values.put(f(Field.LIFECYCLE_STAGE), v));
        draft.ownerId().ifPresent(v -> values.put(f(Field.OWNER), v));
        return values;
    }

    private void patch(String operation, String path, Map<String, String> values) {
        SalesforceHttp.Reply reply = http.send(operation, "PATCH", path, Optional.of(values));
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
    }

    /** Every record of a SOQL query, following {@code nextRecordsUrl} page by page. */
    private List<JsonNode> query(String operation, String soql) {
        List<JsonNode> records = new ArrayList<>();
        String path = "/query?q=" + encode(soql);
        while (path != null) {
            SalesforceHttp.Reply reply = http.send(operation, "GET", path, Optional.empty());
            if (!reply.ok()) {
                throw errors.classify(operation, reply);
            }
            JsonNode page = errors.body(operation, reply);
            page.path("records").forEach(records::add);
            path = page.path("done").asBoolean(true) || !page.hasNonNull("nextRecordsUrl") ? null
                    : page.get("nextRecordsUrl").asText();
        }
        return records;
    }

    private CrmContact toContact(JsonNode record, EmailAddress searched) {
        EmailAddress email = text(record, f(Field.EMAIL)).flatMap(SalesforceCrmGateway::email).orElse(searched);
        return new CrmContact(new CrmObjectId(record.path("Id").asText()), email,
                new PersonName(text(record, f(Field.FIRST_NAME)),
                        text(record, f(Field.LAST_NAME)).filter(last -> !NOT_PROVIDED.equals(last))),
                text(record, f(Field.COMPANY)), text(record, f(Field.PHONE)), text(record, f(Field.LIFECYCLE_STAGE)),
                text(record, f(Field.OWNER)));
    }

    private CrmCompany toCompany(JsonNode record) {
        return new CrmCompany(new CrmObjectId(record.path("Id").asText()),
                text(record, f(Field.ACCOUNT_WEBSITE)).map(SalesforceCrmGateway::host).orElse(""),
                text(record, f(Field.ACCOUNT_NAME)));
    }

    /** "https://www.Acme.com/about" → "acme.com". */
    static String host(String website) {
        String host = website.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        host = host.replaceFirst("[/?#:].*$", "");
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static Optional<String> text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText());
    }

    private static Optional<EmailAddress> email(String raw) {
        try {
            return Optional.of(EmailAddress.parse(raw));
        } catch (DomainViolation notOurShape) {
            return Optional.empty();
        }
    }

    private String f(Field field) {
        return fields.field(field);
    }


    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
