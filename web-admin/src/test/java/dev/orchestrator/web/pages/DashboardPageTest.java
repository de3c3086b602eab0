package dev.orchestrator.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.web.testing.Browser;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DashboardPageTest {
    private static RunningOrchestrator server;

    @BeforeAll
    static void start() {
        server = RunningOrchestrator.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDashboardDrawsThroughputFailuresAndTheFunnelAsPictures() {
        server.postSigned("msg_dash_1", PageFixtures.lead("dash.one@acme.com"));
        server.awaitGet("/api/contacts?email=dash.one@acme.com", r -> r.statusCode() == 200);
        Browser browser = new Browser(server);
        browser.logIn("victor", RunningOrchestrator.PASSWORD);

        HttpResponse<String> page = browser.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg", "id=\"throughput-chart\"", "id=\"failures-chart\"",
                "id=\"funnel-chart\"", "Events per minute", "Processing lag", "Dead letters", "Open reviews");
        assertThat(page.body()).containsPattern("<tr><td>lead</td><td>[1-9]\\d*</td><td></td></tr>");
        assertThat(page.body()).contains("<tr><td>mql</td><td>0</td><td>0.0 %</td></tr>");
    }
}
