package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.adapter.crm.hubspot.HubSpotFieldMap.Field;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmHealth;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.shared.DomainViolation;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
        HubSpotDto.SearchRequest search = new HubSpotDto.SearchRequest(
                List.of(new HubSpotDto.FilterGroup(List.of(
                        new HubSpotDto.Filter(fields.property(Field.EMAIL), "EQ", email.value())))),
                mappedProperties(), List.of(), 2, "0");
        HubSpotHttp.Reply reply = http.send("search contact by email", RateLimiter.Budget.SEARCH, lane, "POST",
                CONTACTS + "/search", Optional.of(search));
        HubSpotDto.SearchResponse found = read(reply, "search contact by email", HubSpotDto.SearchResponse.class);
        List<HubSpotDto.SimplePublicObject> results = Optional.ofNullable(found.results()).orElse(List.of());
        if (results.size() > 1) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "HubSpot holds " + results.size()
                    + " contacts with the email " + email + " (ids " + results.stream()
                    .map(HubSpotDto.SimplePublicObject::id).toList() + "): merge them in HubSpot");
        }
        return results.stream().findFirst().map(object -> toContact(object, email));
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
                CONTACTS + "/" + URLEncoder.encode(id.value(), StandardCharsets.UTF_8),
                Optional.of(new HubSpotDto.UpdateInput(properties(draft))));
        if (!reply.ok()) {
            throw errors.classify("update contact " + id, reply);
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
        return reply.headers().firstValue(HubSpotHttp.REMAINING)
                .map(remaining -> "; " + remaining + " of " + reply.headers().firstValue(HubSpotHttp.MAX).orElse("?")
                        + " requests left in the rate-limit window")
                .orElse("");
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
