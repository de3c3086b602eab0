package dev.orchestrator.web.pages;

import java.util.List;

/** The open review items, oldest first. */
public record ReviewPageModel(List<Row> rows, String nextLink, boolean paged, String notice) {

    public record Row(String id, String createdAt, String reason, List<String> problems, String eventId) {
    }
}
