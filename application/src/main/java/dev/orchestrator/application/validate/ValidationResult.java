package dev.orchestrator.application.validate;

import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import java.util.List;

public sealed interface ValidationResult {
    record Valid(ValidatedLead lead) implements ValidationResult {
    }

    record Invalid(List<FieldProblem> problems) implements ValidationResult {
    }
}
