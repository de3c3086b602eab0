package dev.orchestrator.application.normalize;

import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a field map read from one payload: canonical field → text, the problems of the fields it could not read
 * (each naming the path that failed), and the map's version, recorded on the event.
 */
public record MappedFields(String fieldMapVersion, Map<String, String> values, List<FieldProblem> problems) {
    public MappedFields {
        values = Map.copyOf(values);
        problems = List.copyOf(problems);
    }

    public Optional<String> get(String field) {
        return Optional.ofNullable(values.get(field));
    }

    public boolean readable() {
        return problems.isEmpty();
    }
}
