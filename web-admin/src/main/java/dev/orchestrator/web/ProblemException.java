package dev.orchestrator.web;

/** Thrown by controllers to answer with a problem body; turned into the response by {@link ErrorMapping}. */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
