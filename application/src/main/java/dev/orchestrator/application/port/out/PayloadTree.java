package dev.orchestrator.application.port.out;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed JSON payload in neutral Java types (Map, List, String, BigDecimal, Boolean, null), so the core reads
 * payloads without depending on a JSON library.
 */
public record PayloadTree(Object root) {

    public Optional<Object> at(String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            node = map.get(key);
        }
        return Optional.ofNullable(node);
    }

    /** A text field; numbers and booleans are read as their text, blank strings as absent. */
    public Optional<String> text(String... path) {
        return at(path).flatMap(value -> {
            if (value instanceof String s) {
                return s.isBlank() ? Optional.empty() : Optional.of(s);
            }
            if (value instanceof BigDecimal || value instanceof Boolean) {
                return Optional.of(value.toString());
            }
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool(String... path) {
        return at(path).flatMap(value -> {
            if (value instanceof Boolean b) {
                return Optional.of(b);
            }
            if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                return Optional.of(Boolean.parseBoolean(s));
            }
            return Optional.empty();
        });
    }

    public boolean isObject() {
        return root instanceof Map;
    }

    public boolean isArray() {
        return root instanceof List;
    }
}
