package dev.orchestrator.web.pages;

import java.util.List;

/** Dead letters: each job's event, attempts and error body; the link to the next page; what the last replay did. */
public record DeadLettersPageModel(List<Row> rows, String nextLink, boolean paged, String notice) {

    public record Row(long jobId, String eventId, String source, String sourceEventId, String email, String attempts,
            String shortError, String error, boolean longError, String diedAt) {
    }
}
