package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** HubSpot's wire shapes for the calls this adapter makes (CRM v3 objects and search), as HubSpot names them. */
final class HubSpotDto {
    private HubSpotDto() {
    }

    /**
     * {@code PublicObjectSearchRequest}. HubSpot's spec marks {@code after}, {@code limit}, {@code properties} and
     * {@code sorts} required though the API treats them as optional; we always send them so a validating proxy
     * in front of us never rejects a search.
     */
    record SearchRequest(List<FilterGroup> filterGroups, List<String> properties, List<String> sorts, int limit,
            String after) {
    }

    record FilterGroup(List<Filter> filters) {
    }

    record Filter(String propertyName, String operator, String value) {
    }

    /** {@code SimplePublicObjectInputForCreate}; {@code associations} is required by the spec, empty is fine. */
    /** {@code POST /crm/v3/objects/contacts/gdpr-delete}: the contact by its id. */
    record GdprDeleteInput(String objectId) {
    }

    record CreateInput(Map<String, String> properties, List<Association> associations) {
    }

    record Association(ObjectRef to, List<AssociationType> types) {
    }

    record ObjectRef(String id) {
    }

    record AssociationType(String associationCategory, int associationTypeId) {
    }

    /** {@code SimplePublicObjectInput}: an empty string clears a property, an absent key leaves it. */
    record UpdateInput(Map<String, String> properties) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SimplePublicObject(String id, Map<String, String> properties, Boolean archived) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SearchResponse(int total, List<SimplePublicObject> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListResponse(List<SimplePublicObject> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Paging(NextPage next) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NextPage(String after) {
    }

    /** {@code PublicOwner}: {@code id} is what {@code hubspot_owner_id} takes (not {@code userId}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Owner(String id, String email, String firstName, String lastName, Boolean archived) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OwnerPage(List<Owner> results, Paging paging) {
    }

    /**
     * HubSpot's error body. Every field is optional in practice ("treat all as optional in any error parsing");
     * 429s carry {@code errorType}/{@code policyName} instead of {@code category}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(String status, String message, String correlationId, String category, String subCategory,
            Map<String, List<String>> context, List<ErrorDetail> errors, String errorType, String policyName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorDetail(String message, String code, String in, String subCategory,
            Map<String, List<String>> context) {
    }

    /** One entry of the JSON list HubSpot embeds in a VALIDATION_ERROR message about property values. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PropertyValidation(Boolean isValid, String message, String error, String name) {
    }
}
