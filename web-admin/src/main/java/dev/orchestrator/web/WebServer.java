package dev.orchestrator.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.api.ContactsApi;
import dev.orchestrator.web.api.DeadLettersApi;
import dev.orchestrator.web.api.EventsApi;
import dev.orchestrator.web.api.HealthApi;
import dev.orchestrator.web.api.ReviewApi;
import dev.orchestrator.web.api.RulesApi;
import dev.orchestrator.web.api.SweepApi;
import dev.orchestrator.web.api.PrivacyApi;
import dev.orchestrator.web.auth.BrowserAuth;
import dev.orchestrator.web.edge.SecurityHeaders;
import dev.orchestrator.web.edge.WebhookGuard;
import dev.orchestrator.web.pages.AdminPages;
import dev.orchestrator.web.pages.JteRenderer;
import dev.orchestrator.web.webhook.WebhookController;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The HTTP surface: routes to controllers, one error mapping, security headers on every answer. */
public final class WebServer {
    /** The webhook body limit of the external contract: 1 MiB. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Request line plus headers; Jetty answers 431 above it, before any handler runs. */
    public static final int MAX_HEADER_BYTES = 8 * 1024;

    private WebServer() {
    }

    public record Controllers(WebhookController webhooks, EventsApi events, ContactsApi contacts, HealthApi health,
            SweepApi sweep, RulesApi rules, BrowserAuth browserAuth, AdminPages pages, DeadLettersApi deadLetters,
            ReviewApi review) {
    }

    /** The edge in front of the routes (docs/SECURITY.md) and the admin's erasure endpoint. */
    public record Security(WebhookGuard webhookGuard, Optional<PrivacyApi> privacy) {
        public static Security none() {
            return new Security(WebhookGuard.open(), Optional.empty());
        }
    }

    public static Javalin create(Controllers c, ObjectMapper json) {
        return create(c, json, Security.none());
    }

    public static Javalin create(Controllers c, ObjectMapper json, Security security) {
        return create(c, json, security, List.of());
    }

    /** With further pages that install their own routes (e.g. the audit page), after the shared ones. */
    public static Javalin create(Controllers c, ObjectMapper json, Security security,
            List<Consumer<RoutesConfig>> morePages) {
        ErrorMapping errors = new ErrorMapping(json);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_HEADER_BYTES));
            config.jsonMapper(new JavalinJackson(json, false));
            config.fileRenderer(new JteRenderer());
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            errors.install(config);
            // set before (so refusals from the edge carry them) and after (so no handler can drop them)
            config.routes.before(SecurityHeaders::apply);
            config.routes.before(security.webhookGuard()::check);
            config.routes.after(SecurityHeaders::apply);
            c.browserAuth().install(config.routes);

            config.routes.post("/webhooks/{source}", c.webhooks()::receive);

            config.routes.get("/api/events", c.events()::recent);
            config.routes.get("/api/events/{eventId}", c.events()::one);
            config.routes.get("/api/contacts", c.contacts()::byEmail);
            config.routes.get("/api/contacts/{id}/timeline", c.contacts()::timeline);
            config.routes.get("/api/contacts/{id}/why", c.contacts()::why);
            config.routes.get("/api/dead-letters", c.deadLetters()::list);
            config.routes.post("/api/dead-letters/{id}/replay", c.deadLetters()::replay);
            config.routes.get("/api/dead-letters/{id}", c.deadLetters()::detail);
            config.routes.post("/api/dead-letters/replay", c.deadLetters()::replayMany);
            config.routes.get("/api/review", c.review()::list);
            config.routes.post("/api/review/{id}/resolve", c.review()::resolve);

            config.routes.post("/api/rules/dry-run", c.rules()::dryRun);
            config.routes.post("/api/rules/reload", c.rules()::reload);
            config.routes.get("/api/rules/shadow", c.rules()::shadow);
            config.routes.post("/api/rules/shadow", c.rules()::attachShadow);
            config.routes.delete("/api/rules/shadow", c.rules()::detachShadow);
            config.routes.post("/api/rules/shadow/promote", c.rules()::promoteShadow);
            config.routes.post("/api/lifecycle/sweep", c.sweep()::run);
            security.privacy().ifPresent(api -> config.routes.post("/api/contacts/{id}/forget", api::forget));

            config.routes.get("/health", c.health()::health);
            config.routes.get("/metrics", c.health()::metrics);

            c.pages().install(config.routes);
            morePages.forEach(page -> page.accept(config.routes));
        });
    }
}
