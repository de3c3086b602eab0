package dev.orchestrator.web.pages;

import java.util.List;

/** The events search: what was asked, one page of answers, and the link to the next page. */
public record EventsPageModel(Form form, List<String> statuses, List<Row> rows, String nextLink, boolean paged,
        String error) {

    public record Form(String email, String domain, String source, String status, String from, String to) {
    }

    public record Row(String eventId, String receivedAt, String source, String sourceEventId, String status,
            String email, String lastError) {

        public String contactLink() {
            return ContactsPage.emailLink(email);
        }
    }
}
