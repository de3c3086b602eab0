package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One action for the action layer to carry out, e.g. {@code slack "#sales-alerts"} with {@code template: sql-handoff}.
 * The rules engine only decides that it is due; sending it is someone else's job.
 */
public record ActionSpec(String type, String target, Map<String, String> params) {
    public ActionSpec {
        Require.notBlank("action.type", type);
        Require.notBlank("action.target", target);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(Require.present("action.params", params)));
    }
}
