package dev.orchestrator.application.normalize;

import dev.orchestrator.domain.shared.DomainViolation;
import dev.orchestrator.domain.shared.Require;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A path into a parsed payload as a field map writes it: keys joined by dots, a whole-number segment indexing a
 * list ({@code data.object.email}, {@code attendees.0.email}). Shown as {@code $.data.object.email} in reviews.
 */
public record PayloadPath(List<String> segments) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_\\-]+");

    public PayloadPath {
        segments = List.copyOf(Require.present("path", segments));
        if (segments.isEmpty()) {
            throw new DomainViolation("path", "must name at least one key");
        }
    }

    public static PayloadPath parse(String text) {
        Require.notBlank("path", text);
        String[] parts = text.strip().split("\\.", -1);
        for (String part : parts) {
            if (!SEGMENT.matcher(part).matches()) {
                throw new DomainViolation("path", "'" + text + "' has an empty or unusual segment '" + part
                        + "' (keys are letters, digits, '_' and '-', joined by dots)");
            }
        }
        return new PayloadPath(List.of(parts));
    }

    /** The node at this path; empty when a key is missing, a value is null or a step meets a non-container. */
    public Optional<Object> read(Object root) {
        Object node = root;
        for (String segment : segments) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(segment);
            } else if (node instanceof List<?> list && segment.chars().allMatch(Character::isDigit)
                    && segment.length() < 6 && Integer.parseInt(segment) < list.size()) {
                node = list.get(Integer.parseInt(segment));
            } else {
                return Optional.empty();
            }
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    @Override
    public String toString() {
        return "$." + String.join(".", segments);
    }
}
