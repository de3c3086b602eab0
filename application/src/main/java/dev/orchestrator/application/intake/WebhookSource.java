package dev.orchestrator.application.intake;

import dev.orchestrator.domain.shared.Require;

/** A configured webhook source: its name in the URL and how its deliveries are signed. */
public record WebhookSource(String name, SignatureScheme scheme) {
    public WebhookSource {
        Require.notBlank("source", name);
        Require.present("scheme", scheme);
    }
}
