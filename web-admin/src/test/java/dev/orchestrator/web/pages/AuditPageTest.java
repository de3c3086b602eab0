package dev.orchestrator.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.web.testing.Browser;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code /audit} over the seeded sandbox CRM with a hostile value injected: run, show, export, plan. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditPageTest {
    private static final String HOSTILE = "<script>alert(1)</script>";
    private static RunningOrchestrator server;
    private static Browser operator;

    @BeforeAll
    static void startAndAudit() {
        server = RunningOrchestrator.start();
        server.sql("insert into sandbox_crm.contacts (email, firstname, lastname, createdate, lastmodifieddate) "
                + "values (?, 'Mallory', 'Hostile', now(), now())", HOSTILE);
        operator = new Browser(server);
        operator.logIn("olive", RunningOrchestrator.PASSWORD);
        HttpResponse<String> run = operator.postWithToken("/audit", "/audit/run", Map.of());
        assertThat(run.statusCode()).isEqualTo(302);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void thePageShowsEveryKindWithCountsSharesAndAChart() {
        String html = operator.get("/audit").body();

        assertThat(html).contains("id=\"audit-kinds\"", "id=\"kind-invalid-email\"", "id=\"kind-stage-anomaly\"",
                "<svg", "id=\"audit-contacts\">25001<");
    }

    @Test
    @Order(2)
    void valuesFromTheCrmAreEscaped() {
        String html = operator.get("/audit").body();

        assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    @Order(3)
    void theCsvExportHasOneRowPerFinding() {
        HttpResponse<String> csv = operator.get("/audit/report.csv");

        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("kind,record_type,record_id,field,value,detail,proposed")
                .contains("invalid-email,contact,");
    }

    @Test
    @Order(4)
    void theHtmlReportIsSelfContained() {
        String html = operator.get("/audit/report.html").body();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "<svg")
                .doesNotContain("<link", "<script src", HOSTILE);
    }

    @Test
    @Order(5)
    void aViewerMayLookButNotRunAnAudit() {
        Browser viewer = new Browser(server);
        viewer.logIn("victor", RunningOrchestrator.PASSWORD);

        HttpResponse<String> run = viewer.postWithToken("/audit", "/audit/run", Map.of());

        assertThat(run.statusCode()).isEqualTo(403);
        assertThat(viewer.get("/audit").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void aFormWithoutTheCsrfTokenIsRefused() {
        assertThat(operator.post("/audit/run", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void aDryRunStoresThePlanAndShowsItRecordByRecord() {
        HttpResponse<String> plan = operator.postWithToken("/audit", "/audit/backfill/plan", Map.of());

        String html = operator.get(plan.headers().firstValue("Location").orElseThrow()).body();
        assertThat(html).contains("Dry run stored", "id=\"backfill-items\"", "PLANNED");
    }
}
