package dev.orchestrator.web.pages;

import io.javalin.config.RoutesConfig;

/** The browser pages, all behind login (see {@code BrowserAuth}). */
public final class AdminPages {
    private final DashboardPage dashboard;
    private final EventsPage events;

    public AdminPages(DashboardPage dashboard, EventsPage events) {
        this.dashboard = dashboard;
        this.events = events;
    }

    public void install(RoutesConfig routes) {
        routes.get("/", dashboard::show);
        routes.get("/events", events::list);
        routes.get("/events/{eventId}", events::detail);
    }
}
