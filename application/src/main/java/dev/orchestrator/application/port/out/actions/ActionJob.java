package dev.orchestrator.application.port.out.actions;

import dev.orchestrator.domain.shared.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One action a decision made due, as its job carries it: what to do ({@code type}, {@code target}, the action's
 * parameters) and a snapshot of what the decision saw (contact, company, signals, due time), so the executor
 * sends what was decided even when the record has changed since. The idempotency key is the event, the action
 * rule and the action's place in the rule ({@link #keyOf}): the same decision re-run queues nothing new.
 */
public record ActionJob(String idempotencyKey, UUID eventId, String contactId, String actionRuleId, int index,
        String type, String target, Map<String, String> details) {

    public ActionJob {
        Require.notBlank("idempotencyKey", idempotencyKey);
        Require.present("eventId", eventId);
        Require.notBlank("contactId", contactId);
        Require.notBlank("actionRuleId", actionRuleId);
        Require.that(index >= 0, "index", "must not be negative");
        Require.notBlank("type", type);
        Require.notBlank("target", target);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Require.present("details", details)));
    }

    public static String keyOf(UUID eventId, String actionRuleId, int index) {
        return eventId + ":" + actionRuleId + ":" + index;
    }

    public Optional<String> detail(String key) {
        return Optional.ofNullable(details.get(key)).filter(value -> !value.isBlank());
    }
}
