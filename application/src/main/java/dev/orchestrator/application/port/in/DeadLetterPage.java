package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.DeadLetter;
import java.util.List;
import java.util.Optional;

/** Dead letters, most recently buried first, and the job id the next page continues after. */
public record DeadLetterPage(List<DeadLetter> deadLetters, Optional<Long> nextAfterJobId) {
}
