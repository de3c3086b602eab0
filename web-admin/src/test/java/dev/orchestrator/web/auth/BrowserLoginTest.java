package dev.orchestrator.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.web.testing.Browser;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BrowserLoginTest {
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
    void aPageSendsAVisitorWhoIsNotLoggedInToTheLoginForm() {
        HttpResponse<String> page = new Browser(server).get("/events?status=dead");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Fevents%3Fstatus%3Ddead");
    }

    @Test
    void theRightPasswordOpensASessionWithAStrictHttpOnlyCookieAndGoesToTheRequestedPage() {
        Browser browser = new Browser(server);
        HttpResponse<String> login = browser.postWithToken("/login", "/login",
                Map.of("username", "olive", "password", RunningOrchestrator.PASSWORD, "next", "/events"));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue("/events");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(BrowserAuth.COOKIE + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure"));
        assertThat(browser.get("/events").body()).contains("olive", "operator");
    }

    @Test
    void aSessionOverHttpsGetsTheSecureFlag() {
        Browser browser = new Browser(server);
        String token = Browser.csrfOn(browser.get("/login").body());
        HttpResponse<String> login = browser.post("/login", Map.of("_csrf", token, "username", "olive",
                "password", RunningOrchestrator.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        // the proxy in front says the browser used HTTPS
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(server.uri("/login"))
                .header("X-Forwarded-Proto", "https").GET().build();
        HttpResponse<String> viaProxy = server.send(request);

        assertThat(viaProxy.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        HttpResponse<String> login = new Browser(server).logIn("olive", "not-the-password");

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.body()).contains("Wrong username or password.");
    }

    @Test
    void fiveFailuresLockTheUsernameEvenForTheRightPassword() {
        Browser browser = new Browser(server);
        for (int i = 0; i < 5; i++) {
            browser.logIn("victor", "guess-" + i);
        }

        HttpResponse<String> login = browser.logIn("victor", RunningOrchestrator.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(429);
        assertThat(login.body()).contains("Too many failed attempts");
    }

    @Test
    void aLoginFormWithoutItsCsrfTokenIsRefused() {
        Browser browser = new Browser(server);
        browser.get("/login");

        HttpResponse<String> login = browser.post("/login",
                Map.of("username", "admin", "password", RunningOrchestrator.PASSWORD));

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(login.body()).contains("_csrf");
    }

    @Test
    void aLoggedInFormWithoutTheCsrfTokenIsRefused() {
        Browser browser = new Browser(server);
        browser.logIn("admin", RunningOrchestrator.PASSWORD);

        HttpResponse<String> logout = browser.post("/logout", Map.of());

        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(browser.get("/events").statusCode()).isEqualTo(200);
    }

    @Test
    void loggingOutEndsTheSession() {
        Browser browser = new Browser(server);
        browser.logIn("admin", RunningOrchestrator.PASSWORD);

        HttpResponse<String> logout = browser.postWithToken("/events", "/logout", Map.of());

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(browser.get("/events").statusCode()).isEqualTo(302);
    }

    @Test
    void healthMetricsAndStaticFilesStayOpenAndTheApiKeepsItsBearerTokens() {
        Browser anonymous = new Browser(server);

        assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/metrics").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/static/app.css").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/api/events").statusCode()).isEqualTo(401);
    }

    @Test
    void theLoginLinkOnlyLeadsToLocalPages() {
        assertThat(BrowserAuth.next("https://evil.example/")).isEqualTo("/");
        assertThat(BrowserAuth.next("//evil.example/")).isEqualTo("/");
        assertThat(BrowserAuth.next("/events?status=dead")).isEqualTo("/events?status=dead");
    }
}
