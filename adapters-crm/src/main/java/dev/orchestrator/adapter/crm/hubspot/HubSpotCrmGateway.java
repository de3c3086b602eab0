package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.adapter.crm.hubspot.HubSpotFieldMap.Field;
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
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts in a HubSpot portal through the CRM v3 object API. Creating a contact whose email HubSpot already
 * holds is not an error here: HubSpot answers 409 with the existing id, and we write the draft onto that contact
 * instead, so a job retried after a timeout (the first create landed, the answer was lost, and search is too
 * eventually consistent to see it yet) never makes a second contact.
 */
final class HubSpotCrmGateway implements CrmGateway {
    static final String NAME = "hubspot";
    private static final String CONTACTS = "/crm/v3/objects/contacts";
    private static final String COMPANIES = "/crm/v3/objects/companies";
    private static final String OWNERS = "/crm/v3/owners";
    private static final String DOMAIN = "domain";
    private static final String COMPANY_NAME = "name";
    /** HubSpot-defined, unlabeled contact→company association (company→contact is 280). */
    static final int CONTACT_TO_COMPANY = 279;
    private static final int OWNER_PAGE = 100;

    private final HubSpotHttp http;
    private final HubSpotErrors errors;
    private final HubSpotFieldMap fields;
    private final ObjectMapper json;
    private final Lane lane;

    HubSpotCrmGateway(HubSpotHttp http, HubSpotErrors errors, HubSpotFieldMap fields, ObjectMapper json, Lane lane) {
        this.http = http;
        this.errors = errors;
        this.fields = fields;
        this.json = json;
        this.lane = lane;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CrmContact> findContactByEmail(EmailAddress email) {
        return searchOne("contact", CONTACTS, fields.property(Field.EMAIL), email.value(), mappedProperties())
                .map(object -> toContact(object, email));
    }

    @Override
    public CrmObjectId createContact(ContactDraft draft) {
        Map<String, String> properties = properties(draft);
        properties.put(fields.property(Field.EMAIL), draft.email().value());
        HubSpotHttp.Reply reply = http.send("create contact", RateLimiter.Budget.BURST, lane, "POST", CONTACTS,
                Optional.of(new HubSpotDto.CreateInput(properties, List.of())));
        if (reply.status() == 409) {
            CrmObjectId existing = errors.existingId(reply).map(CrmObjectId::new)
                    .or(() -> findContactByEmail(draft.email()).map(CrmContact::id))
                    .orElseThrow(() -> errors.classify("create contact", reply));
            updateContact(existing, draft);
            return existing;
        }
        return new CrmObjectId(read(reply, "create contact", HubSpotDto.SimplePublicObject.class).id());
    }

    /** The draft's email is how the contact was found, not something to change: it is not sent. */
    @Override
    public void updateContact(CrmObjectId id, ContactDraft draft) {
        HubSpotHttp.Reply reply = http.send("update contact " + id, RateLimiter.Budget.BURST, lane, "PATCH",
                CONTACTS + "/" + encode(id.value()),
                Optional.of(new HubSpotDto.UpdateInput(properties(draft))));
        if (!reply.ok()) {
            throw errors.classify("update contact " + id, reply);
        }
    }

    @Override
    public Optional<CrmCompany> findCompanyByDomain(String domain) {
        String key = domain.strip().toLowerCase(Locale.ROOT);
        return searchOne("company", COMPANIES, DOMAIN, key, List.of(DOMAIN, COMPANY_NAME))
                .map(object -> toCompany(object, key));
    }

    /**
     * HubSpot does not treat a company's domain as unique, so there is no 409 to lean on: callers search first.
     */
    @Override
    public CrmObjectId createCompany(CompanyDraft draft) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(DOMAIN, draft.domain());
        draft.name().ifPresent(name -> properties.put(COMPANY_NAME, name));
        HubSpotHttp.Reply reply = http.send("create company", RateLimiter.Budget.BURST, lane, "POST", COMPANIES,
                Optional.of(new HubSpotDto.CreateInput(properties, List.of())));
        return new CrmObjectId(read(reply, "create company", HubSpotDto.SimplePublicObject.class).id());
    }

    @Override
    public void updateCompany(CrmObjectId id, CompanyDraft draft) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(DOMAIN, draft.domain());
        draft.name().ifPresent(name -> properties.put(COMPANY_NAME, name));
        HubSpotHttp.Reply reply = http.send("update company " + id, RateLimiter.Budget.BURST, lane, "PATCH",
                COMPANIES + "/" + encode(id.value()), Optional.of(new HubSpotDto.UpdateInput(properties)));
        if (!reply.ok()) {
            throw errors.classify("update company " + id, reply);
        }
    }

    /** Associations v4 with HubSpot's own type id; a PUT, so doing it twice leaves one association. */
    @Override
    public void associateContactWithCompany(CrmObjectId contactId, CrmObjectId companyId) {
        String operation = "associate contact " + contactId + " with company " + companyId;
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.BURST, lane, "PUT",
                "/crm/v4/objects/contacts/" + encode(contactId.value()) + "/associations/companies/"
                        + encode(companyId.value()),
                Optional.of(List.of(new HubSpotDto.AssociationType("HUBSPOT_DEFINED", CONTACT_TO_COMPANY))));
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
    }

    /** HubSpot lists active owners by default and deactivated ones only with {@code archived=true}: ask both. */
    @Override
    public List<CrmOwner> owners() {
        List<CrmOwner> owners = new ArrayList<>();
        for (boolean archived : new boolean[] {false, true}) {
            Optional<String> after = Optional.empty();
            do {
                String query = "?limit=" + OWNER_PAGE + "&archived=" + archived
                        + after.map(a -> "&after=" + encode(a)).orElse("");
                HubSpotHttp.Reply reply = http.send("list owners", RateLimiter.Budget.BURST, lane, "GET",
                        OWNERS + query, Optional.empty());
                HubSpotDto.OwnerPage page = read(reply, "list owners", HubSpotDto.OwnerPage.class);
                Optional.ofNullable(page.results()).orElse(List.of()).forEach(o -> owners.add(toOwner(o, archived)));
                after = Optional.ofNullable(page.paging()).map(HubSpotDto.Paging::next)
                        .map(HubSpotDto.NextPage::after);
            } while (after.isPresent());
        }
        return owners;
    }

    /**
     * HubSpot's GDPR delete: the contact and its content are purged for good, not archived. A contact HubSpot no
     * longer has (404) is already forgotten.
     */
    @Override
    public void forgetContact(CrmObjectId id) {
        String operation = "GDPR-delete contact " + id;
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.BURST, lane, "POST",
                CONTACTS + "/gdpr-delete", Optional.of(new HubSpotDto.GdprDeleteInput(id.value())));
        if (reply.status() == 404) {
            return;
        }
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
    }

    /** The cheapest authenticated read that needs the same scope as our work: one contact, no properties. */
    @Override
    public CrmHealth health() {
        try {
            HubSpotHttp.Reply reply = http.send("health check", RateLimiter.Budget.BURST, Lane.LIVE, "GET",
                    CONTACTS + "?limit=1&archived=false", Optional.empty());
            if (!reply.ok()) {
                CrmFailure failure = errors.classify("health check", reply);
                return new CrmHealth(NAME, false, failure.kind() + ": " + failure.getMessage());
            }
            return new CrmHealth(NAME, true, "portal answered " + reply.status() + rateLimitNote(reply));
        } catch (CrmFailure failure) {
            return new CrmHealth(NAME, false, failure.kind() + ": " + failure.getMessage());
        }
    }

    private String rateLimitNote(HubSpotHttp.Reply reply) {
        String window = reply.headers().firstValue(HubSpotHttp.REMAINING)
                .map(remaining -> "; " + remaining + " of " + reply.headers().firstValue(HubSpotHttp.MAX).orElse("?")
                        + " requests left in the rate-limit window")
                .orElse("");
        String daily = reply.headers().firstValue(HubSpotHttp.DAILY_REMAINING)
                .map(remaining -> "; " + remaining + " of " + reply.headers().firstValue(HubSpotHttp.DAILY)
                        .orElse("?") + " requests left today")
                .orElse("");
        return window + daily;
    }

    /** One record by an exact property value; more than one is a duplicate only a person can resolve. */
    private Optional<HubSpotDto.SimplePublicObject> searchOne(String objectName, String objectPath, String property,
            String value, List<String> properties) {
        String operation = "search " + objectName + " by " + property;
        HubSpotDto.SearchRequest search = new HubSpotDto.SearchRequest(
                List.of(new HubSpotDto.FilterGroup(List.of(new HubSpotDto.Filter(property, "EQ", value)))),
                properties, List.of(), 2, "0");
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.SEARCH, lane, "POST",
                objectPath + "/search", Optional.of(search));
        HubSpotDto.SearchResponse found = read(reply, operation, HubSpotDto.SearchResponse.class);
        List<HubSpotDto.SimplePublicObject> results = Optional.ofNullable(found.results()).orElse(List.of());
        if (results.size() > 1) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "HubSpot holds " + Math.max(found.total(), results.size())
                    + " " + objectName + " records with " + property + " " + value + " (ids " + results.stream()
                    .map(HubSpotDto.SimplePublicObject::id).toList() + "): merge them in HubSpot");
        }
        return results.stream().findFirst();
    }

    private Map<String, String> properties(ContactDraft draft) {
        Map<String, String> properties = new LinkedHashMap<>();
        draft.name().first().ifPresent(v -> properties.put(fields.property(Field.FIRST_NAME), v));
        draft.name().last().ifPresent(v -> properties.put(fields.property(Field.LAST_NAME), v));
        draft.company().ifPresent(v -> properties.put(fields.property(Field.COMPANY), v));
        draft.phone().ifPresent(v -> properties.put(fields.property(Field.PHONE), v));
        draft.lifecycleStage().ifPresent(v -> properties.put(fields.property(Field.LIFECYCLE_STAGE),
                fields.toPortalStage(v)));
        draft.ownerId().ifPresent(v -> properties.put(fields.property(Field.OWNER), v));
        return properties;
    }

    private List<String> mappedProperties() {
        return Arrays.stream(Field.values()).map(fields::property).toList();
    }

    private CrmContact toContact(HubSpotDto.SimplePublicObject object, EmailAddress searched) {
        Map<String, String> values = Optional.ofNullable(object.properties()).orElse(Map.of());
        EmailAddress email = value(values, Field.EMAIL).flatMap(HubSpotCrmGateway::email).orElse(searched);
        return new CrmContact(new CrmObjectId(object.id()), email,
                new PersonName(value(values, Field.FIRST_NAME), value(values, Field.LAST_NAME)),
                value(values, Field.COMPANY), value(values, Field.PHONE),
                value(values, Field.LIFECYCLE_STAGE).map(fields::fromPortalStage), value(values, Field.OWNER));
    }

    private static CrmCompany toCompany(HubSpotDto.SimplePublicObject object, String searchedDomain) {
        Map<String, String> values = Optional.ofNullable(object.properties()).orElse(Map.of());
        String domain = Optional.ofNullable(values.get(DOMAIN)).filter(d -> !d.isBlank())
                .map(d -> d.strip().toLowerCase(Locale.ROOT)).orElse(searchedDomain);
        return new CrmCompany(new CrmObjectId(object.id()), domain,
                Optional.ofNullable(values.get(COMPANY_NAME)).filter(n -> !n.isBlank()));
    }

    private static CrmOwner toOwner(HubSpotDto.Owner owner, boolean archived) {
        return new CrmOwner(owner.id(), Optional.ofNullable(owner.email()).flatMap(HubSpotCrmGateway::email),
                new PersonName(Optional.ofNullable(owner.firstName()), Optional.ofNullable(owner.lastName())),
                !archived && !Boolean.TRUE.equals(owner.archived()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Optional<String> value(Map<String, String> values, Field field) {
        return Optional.ofNullable(values.get(fields.property(field))).filter(v -> !v.isBlank());
    }

    /** HubSpot keeps what a person typed in the UI; our key is the canonical form. */
    private static Optional<EmailAddress> email(String raw) {
        try {
            return Optional.of(EmailAddress.parse(raw));
        } catch (DomainViolation notOurShape) {
            return Optional.empty();
        }
    }

    private <T> T read(HubSpotHttp.Reply reply, String operation, Class<T> type) {
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
        try {
            return json.readValue(reply.body(), type);
        } catch (IOException e) {
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "HubSpot " + operation + " answered " + reply.status()
                    + " with a body we cannot read (" + e.getClass().getSimpleName() + ")", Optional.empty(), null);
        }
    }
}
