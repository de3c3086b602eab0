package dev.orchestrator.web.pages;

import java.util.List;

/** One review item: what is wrong, a form for the fields at fault (sent value beside it), and the payload. */
public record ReviewItemModel(String id, String eventId, String createdAt, String reason, boolean open,
        String resolvedBy, List<String> problems, List<Field> fields, String payload) {

    public record Field(String name, String problem, String sent, String value) {
    }
}
