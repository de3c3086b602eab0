package dev.orchestrator.web.pages;

import io.javalin.config.RoutesConfig;

/** The browser pages, all behind login (see {@code BrowserAuth}). */
public final class AdminPages {
    private final DashboardPage dashboard;
    private final EventsPage events;
    private final ContactsPage contacts;

    public AdminPages(DashboardPage dashboard, EventsPage events, ContactsPage contacts) {
        this.dashboard = dashboard;
        this.events = events;
        this.contacts = contacts;
    }

    public void install(RoutesConfig routes) {
        routes.get("/", dashboard::show);
        routes.get("/events", events::list);
        routes.get("/events/{eventId}", events::detail);
        routes.get("/contacts", contacts::search);
        routes.get("/contacts/{id}", contacts::show);
    }
}
