package dev.orchestrator.web.pages;

import java.util.List;

/** The events page: the most recent events and the queue at a glance. */
public record EventsPageModel(List<Row> rows, long ready, long running, long dead, long openReviews) {

    public record Row(String eventId, String receivedAt, String source, String sourceEventId, String status,
            String email, String lastError) {
    }
}
