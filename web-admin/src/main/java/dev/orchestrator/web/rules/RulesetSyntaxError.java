package dev.orchestrator.web.rules;

/**
 * A ruleset, owners or fixture file that cannot be used, with the 1-based line and column of the fault and what
 * was expected there. The API answers it as 422 and the sandbox editor marks the line.
 */
public final class RulesetSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String problem;

    public RulesetSyntaxError(int line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What was wrong, without the position. */
    public String problem() {
        return problem;
    }
}
