package dev.orchestrator.application.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sources this deployment accepts webhooks from. */
public final class WebhookSources {
    private final Map<String, WebhookSource> byName = new LinkedHashMap<>();

    public WebhookSources(List<WebhookSource> sources) {
        sources.forEach(source -> byName.put(source.name(), source));
    }

    public Optional<WebhookSource> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
