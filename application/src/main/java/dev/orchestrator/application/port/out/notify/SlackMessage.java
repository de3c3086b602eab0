package dev.orchestrator.application.port.out.notify;

import dev.orchestrator.domain.shared.Require;
import java.util.List;
import java.util.Optional;

/**
 * A Slack message in Slack's own terms but without its JSON: a title, a plain-text fallback, labelled facts (the
 * enrichment summary), the signals that led here, and a link to the contact's "why" page. The adapter renders
 * Block Kit from it.
 */
public record SlackMessage(String channel, String title, String text, List<Fact> facts, List<String> signals,
        Optional<String> link) {

    public SlackMessage {
        Require.notBlank("channel", channel);
        Require.notBlank("title", title);
        Require.notBlank("text", text);
        facts = List.copyOf(Require.present("facts", facts));
        signals = List.copyOf(Require.present("signals", signals));
        Require.present("link", link);
    }

    public record Fact(String label, String value) {
    }
}
