package dev.orchestrator.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.Browser;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventsPageTest {
    private static RunningOrchestrator server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = RunningOrchestrator.start();
        browser = new Browser(server);
        browser.logIn("victor", RunningOrchestrator.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDomainSearchListsThatCompanysEventsAndLinksEachToItsPage() throws Exception {
        String eventId = post("msg_ev_1", "ev.one@globex.com");
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));
        post("msg_ev_2", "ev.two@initech.com");

        HttpResponse<String> page = browser.get("/events?domain=globex.com");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/events/" + eventId + "\"", "ev.one@globex.com")
                .doesNotContain("ev.two@initech.com");
    }

    @Test
    void theEventPageShowsThePayloadTheTraceAndTheCrmIdButNeverTheSignature() throws Exception {
        String eventId = post("msg_ev_3", "ev.three@globex.com");
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));

        String html = browser.get("/events/" + eventId).body();

        assertThat(html).contains("webhook-signature", Redaction.REDACTED).doesNotContain("v1,");
        assertThat(html).contains("\"email\" : \"ev.three@globex.com\"");
        assertThat(html).contains("normalized", "validated", "crm-searched", "crm-written");
        Matcher contactLink = Pattern.compile("href=\"/contacts/([0-9a-f-]{36})\"").matcher(html);
        assertThat(contactLink.find()).isTrue();
    }

    @Test
    void aBadTimeIsExplainedOnThePage() {
        HttpResponse<String> page = browser.get("/events?from=yesterday");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("from must be a date and time");
    }

    @Test
    void theNextPageLinkContinuesAfterTheLastEventShown() throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < EventsPage.PAGE_SIZE + 2; i++) {
            ids.add(post("msg_ev_page_" + i, "page" + i + "@paging.io"));
        }
        // the worker tags an event with its email once it has read the payload
        ids.forEach(id -> server.awaitGet("/api/events/" + id, r -> r.body().contains("\"done\"")));

        String first = browser.get("/events?domain=paging.io").body();
        Matcher next = Pattern.compile("href=\"(/events\\?domain=paging.io&amp;after=[^\"]+)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = browser.get(next.group(1).replace("&amp;", "&")).body();

        assertThat(count(first, "@paging.io</a>")).isEqualTo(EventsPage.PAGE_SIZE);
        assertThat(count(second, "@paging.io</a>")).isEqualTo(2);
        assertThat(second).doesNotContain("rel=\"next\"");
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private static String post(String id, String email) throws Exception {
        return new ObjectMapper().readTree(server.postSigned(id, PageFixtures.lead(email)).body())
                .get("eventId").asText();
    }
}
