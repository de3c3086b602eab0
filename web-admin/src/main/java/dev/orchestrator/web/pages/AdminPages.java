package dev.orchestrator.web.pages;

import io.javalin.config.RoutesConfig;

/** The browser pages, all behind login (see {@code BrowserAuth}). */
public final class AdminPages {
    private final SandboxPage sandbox;
    private final DashboardPage dashboard;
    private final EventsPage events;
    private final ContactsPage contacts;
    private final DeadLettersPage deadLetters;
    private final ReviewPage review;

    public AdminPages(DashboardPage dashboard, EventsPage events, ContactsPage contacts, DeadLettersPage deadLetters,
            ReviewPage review, SandboxPage sandbox) {
        this.sandbox = sandbox;
        this.dashboard = dashboard;
        this.events = events;
        this.contacts = contacts;
        this.deadLetters = deadLetters;
        this.review = review;
    }

    public void install(RoutesConfig routes) {
        routes.get("/", dashboard::show);
        routes.get("/events", events::list);
        routes.get("/events/{eventId}", events::detail);
        routes.get("/contacts", contacts::search);
        routes.get("/contacts/{id}", contacts::show);
        routes.post("/contacts/{id}/forget", contacts::forget);
        routes.get("/dead-letters", deadLetters::list);
        routes.post("/dead-letters/replay", deadLetters::replay);
        routes.get("/review", review::list);
        routes.get("/review/{id}", review::item);
        routes.post("/review/{id}/resolve", review::resolve);
        routes.get("/sandbox", sandbox::show);
        routes.post("/sandbox", sandbox::run);
        routes.post("/sandbox/shadow", sandbox::attachShadow);
        routes.post("/sandbox/shadow/detach", sandbox::detachShadow);
        routes.post("/sandbox/shadow/promote", sandbox::promoteShadow);
        routes.post("/sandbox/reload", sandbox::reload);
    }
}
