package dev.orchestrator.web.pages;

import java.util.List;

/** The contact page: the record, the "why" of each rule decision, and one page of the timeline. */
public record ContactPageModel(String email, List<Fact> facts, List<Why> whys, List<TimelineRow> timeline,
        String nextLink, boolean paged, String firstLink) {

    /** The admin's erase action; the contact id is the last segment of the first-page link. */
    public String forgetLink() {
        String path = firstLink.contains("?") ? firstLink.substring(0, firstLink.indexOf('?')) : firstLink;
        return path + "/forget";
    }

    public String eventsLink() {
        return "/events?email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8);
    }

    public record Fact(String label, String value) {
    }

    /** One rule decision, readable by RevOps: the question it answers, the rule, and each condition. */
    public record Why(String id, String title, String ruleId, String rulesetVersion, String at, String sourceEventId,
            String summary, Evidence evidence) {
    }

    public record TimelineRow(EventDetailModel.Step step, String sourceEventId) {
    }
}
