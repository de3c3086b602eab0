package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** HubSpot's wire shapes for batch upserts ({@code POST /crm/v3/objects/{type}/batch/upsert}). */
final class HubSpotBatchDto {
    private HubSpotBatchDto() {
    }

    /** {@code SimplePublicObjectBatchInputUpsert}: {@code id} holds the value of the unique {@code idProperty}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UpsertInput(String id, String idProperty, Map<String, String> properties, String objectWriteTraceId) {
    }

    record UpsertBatch(List<UpsertInput> inputs) {
    }

    /** {@code SimplePublicUpsertObject}: {@code new} says whether the row was created. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UpsertResult(String id, @com.fasterxml.jackson.annotation.JsonProperty("new") Boolean created,
            Map<String, String> properties, String objectWriteTraceId) {
    }

    /** 200 {@code BatchResponseSimplePublicUpsertObject}, or 207 with {@code numErrors} and {@code errors}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UpsertResponse(String status, List<UpsertResult> results, Integer numErrors, List<BatchError> errors) {
    }

    /** {@code StandardError} of one or more rows; {@code context.ids} names the rows' ids when HubSpot knows them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BatchError(String status, String category, String message, Map<String, List<String>> context) {
    }
}
