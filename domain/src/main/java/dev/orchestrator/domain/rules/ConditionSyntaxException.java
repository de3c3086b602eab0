package dev.orchestrator.domain.rules;

/**
 * A condition that does not follow the language. The column is 1-based inside the condition text, so the edge
 * can add it to the position of the text in its file.
 */
public final class ConditionSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int column;
    private final String problem;

    public ConditionSyntaxException(int column, String problem) {
        super("column " + column + ": " + problem);
        this.column = column;
        this.problem = problem;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
