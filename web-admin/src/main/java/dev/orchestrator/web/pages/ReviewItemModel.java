package dev.orchestrator.web.pages;

import java.util.List;

/** One review item: what is wrong, a form for the fields at fault (sent value beside it), and the payload. */
public record ReviewItemModel(String id, String eventId, String createdAt, String reason, boolean open,
        String resolvedBy, List<String> problems, List<Field> fields, String payload, List<Side> sideBySide,
        List<String> evidence) {

    /** One row of a possible duplicate: the field, this lead's value, the existing account's value. */
    public record Side(String field, String lead, String account) {
    }

    public record Field(String name, String problem, String sent, String value) {
    }
}
