package dev.orchestrator.application.normalize;

import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A payload that parsed but whose fields the source's map cannot read: it goes to review with every failing
 * field and the path it was read from, and the map's version, so the fix is either the payload or the map.
 */
public final class UnreadablePayload extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String fieldMapVersion;
    private final transient List<FieldProblem> problems;

    public UnreadablePayload(String fieldMapVersion, List<FieldProblem> problems) {
        super("field map " + fieldMapVersion + " cannot read: " + problems.stream()
                .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        this.fieldMapVersion = fieldMapVersion;
        this.problems = List.copyOf(problems);
    }

    public String fieldMapVersion() {
        return fieldMapVersion;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
