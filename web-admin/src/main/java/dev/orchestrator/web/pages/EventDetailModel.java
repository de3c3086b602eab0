package dev.orchestrator.web.pages;

import java.util.List;
import java.util.Map;

/** One event: what arrived (headers and payload, secrets redacted), what the CRM holds, and the decision trace. */
public record EventDetailModel(String eventId, String source, String sourceEventId, String receivedAt, String status,
        int attempts, String lastError, List<CrmObject> crmObjects, List<Map.Entry<String, String>> headers,
        String payload, List<Step> trace) {

    public record CrmObject(String type, String id, String link) {
    }

    public record Step(int number, String at, String kind, String actor, String summary, String ruleId,
            String rulesetVersion, Evidence evidence) {
    }
}
