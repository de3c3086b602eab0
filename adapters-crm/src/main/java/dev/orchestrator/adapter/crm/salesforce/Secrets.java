package dev.orchestrator.adapter.crm.salesforce;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** The client secret and every access token issued so far: none may reach a message, a log or a trace. */
final class Secrets {
    private final Set<String> values = new CopyOnWriteArraySet<>();

    Secrets(String clientSecret) {
        values.add(clientSecret);
    }

    void add(String secret) {
        if (secret != null && !secret.isBlank()) {
            values.add(secret);
        }
    }

    String scrub(String text) {
        String scrubbed = text == null ? "" : text;
        for (String secret : values) {
            scrubbed = scrubbed.replace(secret, "[redacted]");
        }
        return scrubbed;
    }
}
