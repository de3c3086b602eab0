package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.crm.CrmCompanyRecord;
import dev.orchestrator.application.port.out.crm.CrmContactRecord;
import dev.orchestrator.application.port.out.crm.CrmDealRecord;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmOwnerRecord;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.application.port.out.crm.RecordPage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * HubSpot's records listed page by page ({@code GET /crm/v3/objects/{type}?limit&after&properties}, owners from
 * {@code /crm/v3/owners}), every call on the backfill lane of the portal's rate limiter, so an audit never
 * takes the budget live leads need. Owners are listed active first, then archived: the cursor says which.
 */
final class HubSpotCrmRecords implements CrmRecords {
    /** HubSpot's list endpoints return at most 100 objects per page. */
    static final int HUBSPOT_PAGE = 100;
    private static final String OBJECTS = "/crm/v3/objects/";
    private static final String OWNERS = "/crm/v3/owners";
    private static final String CONTACT_PROPERTIES = "email,firstname,lastname,phone,country,lifecyclestage,"
            + "hubspot_owner_id,company,associatedcompanyid";
    private static final String DEAL_PROPERTIES = "dealstage,hs_is_closed_won";
    private static final String ACTIVE = "active:";
    private static final String ARCHIVED = "archived:";

    private final HubSpotHttp http;
    private final HubSpotErrors errors;
    private final ObjectMapper json;
    private final HubSpotCompanyFields companyFields;

    /**
     * {@code companyFields} say which property holds a company's industry and which of the portal's options stand
     * for which industry of our taxonomy: a company is read with our key, so the audit flags only options the
     * taxonomy has no place for, not every HubSpot option.
     */
    HubSpotCrmRecords(HubSpotHttp http, HubSpotErrors errors, ObjectMapper json, HubSpotCompanyFields companyFields) {
        this.http = http;
        this.errors = errors;
        this.json = json;
        this.companyFields = companyFields;
    }

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public RecordPage<CrmContactRecord> contacts(Optional<String> cursor, int limit) {
        return objects("contacts", CONTACT_PROPERTIES, "", cursor, limit, o -> {
            JsonNode p = o.path("properties");
            return new CrmContactRecord(o.path("id").asText(), text(p, "email"), text(p, "firstname"),
                    text(p, "lastname"), text(p, "phone"), text(p, "country"), text(p, "lifecyclestage"),
                    text(p, "hubspot_owner_id"), text(p, "associatedcompanyid"), text(p, "company"));
        });
    }

    @Override
    public RecordPage<CrmCompanyRecord> companies(Optional<String> cursor, int limit) {
        Optional<String> industry = companyFields.property(CompanyProfileField.INDUSTRY);
        String properties = "name,domain," + industry.map(name -> name + ",").orElse("") + "country,hubspot_owner_id";
        return objects("companies", properties, "", cursor, limit, o -> {
            JsonNode p = o.path("properties");
            return new CrmCompanyRecord(o.path("id").asText(), text(p, "name"), text(p, "domain"),
                    industry.map(name -> companyFields.fromPortal(CompanyProfileField.INDUSTRY, text(p, name)))
                            .orElse(""), text(p, "country"), text(p, "hubspot_owner_id"));
        });
    }

    @Override
    public RecordPage<CrmDealRecord> deals(Optional<String> cursor, int limit) {
        return objects("deals", DEAL_PROPERTIES, "&associations=contacts,companies", cursor, limit, o -> {
            JsonNode p = o.path("properties");
            List<String> contacts = associated(o, "contacts");
            List<String> companies = associated(o, "companies");
            String stage = text(p, "dealstage");
            boolean won = "true".equalsIgnoreCase(text(p, "hs_is_closed_won")) || "closedwon".equals(stage);
            return new CrmDealRecord(o.path("id").asText(), stage, won, companies.isEmpty() ? "" : companies.get(0),
                    contacts);
        });
    }

    @Override
    public RecordPage<CrmOwnerRecord> owners(Optional<String> cursor, int limit) {
        String position = cursor.orElse(ACTIVE);
        boolean archived = position.startsWith(ARCHIVED);
        String after = position.substring(archived ? ARCHIVED.length() : ACTIVE.length());
        String query = "?limit=" + Math.min(limit, HUBSPOT_PAGE) + "&archived=" + archived
                + (after.isEmpty() ? "" : "&after=" + encode(after));
        JsonNode page = get("list owners", OWNERS + query);
        List<CrmOwnerRecord> owners = new ArrayList<>();
        for (JsonNode o : page.path("results")) {
            owners.add(new CrmOwnerRecord(o.path("id").asText(), text(o, "email"),
                    (text(o, "firstName") + " " + text(o, "lastName")).strip(), !archived));
        }
        Optional<String> next = nextAfter(page);
        if (next.isPresent()) {
            return new RecordPage<>(owners, Optional.of((archived ? ARCHIVED : ACTIVE) + next.get()));
        }
        return new RecordPage<>(owners, archived ? Optional.empty() : Optional.of(ARCHIVED));
    }

    private <T> RecordPage<T> objects(String type, String properties, String extra, Optional<String> cursor,
            int limit, Function<JsonNode, T> mapper) {
        String query = "?limit=" + Math.min(limit, HUBSPOT_PAGE) + "&archived=false&properties=" + properties + extra
                + cursor.map(a -> "&after=" + encode(a)).orElse("");
        JsonNode page = get("list " + type, OBJECTS + type + query);
        List<T> records = new ArrayList<>();
        for (JsonNode o : page.path("results")) {
            records.add(mapper.apply(o));
        }
        return new RecordPage<>(records, nextAfter(page));
    }

    private JsonNode get(String operation, String pathAndQuery) {
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.BURST, Lane.BACKFILL, "GET", pathAndQuery,
                Optional.empty());
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
        try {
            return json.readTree(reply.body());
        } catch (IOException e) {
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "HubSpot " + operation + " answered " + reply.status()
                    + " with a body we cannot read (" + e.getClass().getSimpleName() + ")", Optional.empty(), null);
        }
    }

    private static Optional<String> nextAfter(JsonNode page) {
        JsonNode after = page.path("paging").path("next").path("after");
        return after.isMissingNode() || after.isNull() || after.asText().isBlank() ? Optional.empty()
                : Optional.of(after.asText());
    }

    private static List<String> associated(JsonNode object, String type) {
        List<String> ids = new ArrayList<>();
        for (JsonNode link : object.path("associations").path(type).path("results")) {
            String id = link.path("id").asText();
            if (!id.isBlank() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
