package dev.orchestrator.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin pages in a real browser (headless Chromium), over the whole service started in-process on a fresh
 * database: a RevOps person logs in, finds a contact, reads why it is an MQL, fixes a review item and replays a
 * dead letter; a viewer's replay and a form without its CSRF token are refused. Each test saves a screenshot
 * under {@code target/screenshots/}.
 */
class AdminUiBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MQL_EMAIL = "maria.lopez@atlantacloud.com";
    private static RunningOrchestrator server;
    private static WebDriver browser;
    private static String mqlContactId;
    private static String reviewId;
    private static long deadForOperator;
    private static long deadForViewer;
    private static long deadForCsrf;
    private String screenshot;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start();
        server = RunningOrchestrator.start();
        seed();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshSession(TestInfo test) {
        screenshot = test.getTestMethod().orElseThrow().getName();
        browser.get(server.uri("/login").toString());
        browser.manage().deleteAllCookies();
    }

    @AfterEach
    void saveScreenshot() {
        Chromium.screenshot(browser, screenshot);
    }

    @Test
    void aUserLogsInAndSeesTheDashboard() {
        browser.get(server.uri("/").toString());
        assertThat(browser.getCurrentUrl()).contains("/login");

        logIn("admin");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(browser.findElements(By.cssSelector("svg#throughput-chart rect"))).hasSize(60);
        assertThat(browser.findElement(By.id("funnel-table")).getText()).contains("mql");
        screenshot = "dashboard";
    }

    @Test
    void aContactIsFoundByEmailWithTheKeyboard() {
        logIn("victor");
        browser.get(server.uri("/contacts").toString());

        WebElement field = browser.findElement(By.id("contact-email"));
        field.sendKeys(MQL_EMAIL, Keys.ENTER);

        await().until(ExpectedConditions.urlContains("/contacts/" + mqlContactId));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(MQL_EMAIL);
        assertThat(browser.findElement(By.id("contact-facts")).getText()).contains("mql");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("crm-written");
    }

    @Test
    void theContactPageSaysWhyItIsAnMqlWithTheRuleAndEachCondition() {
        logIn("victor");
        browser.get(server.uri("/contacts/" + mqlContactId).toString());

        WebElement why = browser.findElements(By.cssSelector("section.why")).stream()
                .filter(section -> section.getText().contains("Why is this contact an MQL?")).findFirst()
                .orElseThrow(() -> new AssertionError("no MQL why section on " + browser.getPageSource()));
        assertThat(why.findElement(By.cssSelector("code.rule-id")).getText()).isEqualTo("mql-fit-and-intent");
        assertThat(why.getText()).contains("score.fit >= 30", "✓");
        String fit = why.findElements(By.cssSelector("table.conditions tbody tr")).get(0)
                .findElement(By.tagName("strong")).getText();
        assertThat(Integer.parseInt(fit)).isGreaterThanOrEqualTo(30);
        new org.openqa.selenium.interactions.Actions(browser).scrollToElement(why).perform();
        screenshot = "why-mql";
    }

    @Test
    void anOperatorFixesAReviewItemAndTheLeadIsProcessedAgain() throws Exception {
        logIn("olive");
        browser.get(server.uri("/review").toString());
        Chromium.screenshot(browser, "review-queue");

        browser.findElement(By.cssSelector("a[href='/review/" + reviewId + "']")).click();
        WebElement email = browser.findElement(By.id("field-email"));
        email.clear();
        email.sendKeys("jane.fixed@acme.com");
        browser.findElement(By.cssSelector("button[value='rerun']")).click();

        assertThat(waitFor(By.id("notice")).getText()).contains("queued again");
        JsonNode contact = JSON.readTree(server.awaitGet("/api/contacts?email=jane.fixed@acme.com",
                r -> r.statusCode() == 200).body());
        assertThat(contact.get("email").asText()).isEqualTo("jane.fixed@acme.com");
    }

    @Test
    void anOperatorReplaysADeadLetter() throws Exception {
        logIn("olive");
        browser.get(server.uri("/dead-letters").toString());

        browser.findElement(By.cssSelector("#job-" + deadForOperator + " button[name='jobId']")).click();

        assertThat(waitFor(By.id("notice")).getText()).contains("Replayed 1 dead letter(s)");
        assertThat(browser.findElements(By.id("job-" + deadForOperator))).isEmpty();
    }

    @Test
    void aViewersReplayIsRefused() {
        logIn("victor");
        browser.get(server.uri("/dead-letters").toString());
        assertThat(browser.getPageSource()).contains("replaying needs the operator role");

        browser.findElement(By.cssSelector("#job-" + deadForViewer + " button[name='jobId']")).click();

        await().until(ExpectedConditions.urlContains("/replay"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("\"status\":403",
                "replaying a dead letter needs the operator role");
        Chromium.screenshot(browser, "viewer-replay-refused");
        browser.get(server.uri("/dead-letters").toString());
        assertThat(browser.findElements(By.id("job-" + deadForViewer))).hasSize(1);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRejected() {
        logIn("admin");
        browser.get(server.uri("/dead-letters").toString());
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('#replay-form input[name=_csrf]').remove()");

        browser.findElement(By.cssSelector("#job-" + deadForCsrf + " button[name='jobId']")).click();

        await().until(ExpectedConditions.urlContains("/replay"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("\"status\":403",
                "Missing or invalid CSRF token");
        Chromium.screenshot(browser, "csrf-rejected");
        browser.get(server.uri("/dead-letters").toString());
        assertThat(browser.findElements(By.id("job-" + deadForCsrf))).hasSize(1);
    }

    private static void logIn(String user) {
        browser.get(server.uri("/login").toString());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(RunningOrchestrator.PASSWORD, Keys.ENTER);
        await().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static WebElement waitFor(By locator) {
        return await().until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private static WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    /** A fit lead that views pricing (an MQL), a few plain leads, an invalid one, and three dead letters. */
    private static void seed() throws Exception {
        server.postSigned("msg_b_mql", "{\"id\":\"f-mql\",\"email\":\"" + MQL_EMAIL + "\",\"firstName\":\"Maria\","
                + "\"lastName\":\"Lopez\",\"company\":\"Atlanta Cloud\",\"website\":\"https://www.atlantacloud.com\","
                + "\"country\":\"US\",\"consent\":true}");
        server.awaitGet("/api/contacts?email=" + MQL_EMAIL, r -> r.statusCode() == 200);
        String activity = "{\"id\":\"a-1\",\"type\":\"pricing_page_view\",\"email\":\"" + MQL_EMAIL + "\","
                + "\"occurredAt\":\"" + Instant.now().minusSeconds(60) + "\",\"url\":\"https://example.com/pricing\"}";
        server.postSigned("activity", "msg_b_signal", Instant.now(), activity.getBytes(StandardCharsets.UTF_8),
                "application/json");
        mqlContactId = JSON.readTree(server.awaitGet("/api/contacts?email=" + MQL_EMAIL,
                r -> r.body().contains("\"stage\":\"mql\"")).body()).get("id").asText();

        List<String> plain = List.of("ana@northwind.io", "ben@globex.com", "cara@initech.com", "dev@umbrella.io",
                "eli@hooli.com", "fay@acme.com");
        for (String email : plain) {
            processed(email, "msg_b_" + email);
        }
        String invalid = JSON.readTree(server.postSigned("msg_b_invalid", lead("jane.at.acme.com")).body())
                .get("eventId").asText();
        server.awaitGet("/api/events/" + invalid, r -> r.body().contains("\"review\""));
        for (JsonNode item : JSON.readTree(server.get("/api/review").body()).get("items")) {
            if (item.get("eventId").asText().equals(invalid)) {
                reviewId = item.get("id").asText();
            }
        }
        deadForOperator = server.buryAsIfTheCrmFailed(processed("gus@initech.com", "msg_b_dead_1"));
        deadForViewer = server.buryAsIfTheCrmFailed(processed("hal@initech.com", "msg_b_dead_2"));
        deadForCsrf = server.buryAsIfTheCrmFailed(processed("ivy@initech.com", "msg_b_dead_3"));
    }

    private static String processed(String email, String messageId) throws Exception {
        String eventId = JSON.readTree(server.postSigned(messageId, lead(email)).body()).get("eventId").asText();
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));
        return eventId;
    }

    private static String lead(String email) {
        return "{\"id\":\"f-" + email.hashCode() + "\",\"email\":\"" + email + "\",\"firstName\":\"Jane\","
                + personOf(email) + ",\"company\":\"Acme Corporation\","
                + "\"consent\":true}";
    }

    /**
     * Each address is its own person (a surname and phone of its own): leads that shared one name and phone at one
     * company would be the same person to the pipeline's person dedupe.
     */
    static String personOf(String email) {
        // Letters spelled from the address's hash, so two addresses get surnames far more than a typo apart.
        StringBuilder last = new StringBuilder();
        for (char c : Integer.toHexString(email.hashCode()).toCharArray()) {
            last.append((char) ('a' + Character.digit(c, 16)));
        }
        last.setCharAt(0, Character.toUpperCase(last.charAt(0)));
        return "\"lastName\":\"" + last + "\",\"phone\":\"" + String.format(java.util.Locale.ROOT,
                "+1 415 555 %04d", Math.floorMod(email.hashCode(), 10000)) + "\"";
    }
}
