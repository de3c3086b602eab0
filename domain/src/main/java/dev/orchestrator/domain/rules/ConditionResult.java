package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One condition, whether it held, and every value it read to decide: the unit of every "why". */
public record ConditionResult(String expr, boolean result, Map<String, String> values) {
    public ConditionResult {
        Require.notBlank("expr", expr);
        Require.present("values", values);
        if (!(values instanceof LazyValues)) {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }
}
