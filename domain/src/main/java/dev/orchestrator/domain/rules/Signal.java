package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Locale;

/** One behavioural signal (pricing page view, webinar, demo request...) and when it happened. */
public record Signal(String type, Instant at) {
    public Signal {
        type = Require.notBlank("signal.type", type).trim().toLowerCase(Locale.ROOT);
        Require.present("signal.at", at);
    }
}
