package dev.orchestrator.domain.rules;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The values a condition read, rendered only when someone looks. Evaluating a ruleset is hot (hundreds of
 * thousands of records a second); formatting instants and numbers for an explanation nobody reads is not.
 * Immutable from the outside; computing twice under a race yields equal maps, so no lock is needed.
 */
final class LazyValues extends AbstractMap<String, String> {
    private final Supplier<Map<String, String>> render;
    private volatile Map<String, String> rendered;

    LazyValues(Supplier<Map<String, String>> render) {
        this.render = render;
    }

    private Map<String, String> rendered() {
        Map<String, String> values = rendered;
        if (values == null) {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(render.get()));
            rendered = values;
        }
        return values;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return rendered().entrySet();
    }

    @Override
    public String get(Object key) {
        return rendered().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return rendered().containsKey(key);
    }

    @Override
    public int size() {
        return rendered().size();
    }
}
