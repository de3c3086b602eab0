package dev.orchestrator.web.pages;

import io.javalin.config.RoutesConfig;

/** The browser pages, all behind login (see {@code BrowserAuth}). */
public final class AdminPages {
    private final EventsPage events;

    public AdminPages(EventsPage events) {
        this.events = events;
    }

    public void install(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/events"));
        routes.get("/events", events::show);
    }
}
