package dev.orchestrator.application.port.in;

import java.util.List;

/** Put these dead jobs back in the queue, on behalf of {@code actor} (the user who asked). */
public record ReplayDeadLetterCommand(List<Long> jobIds, String actor) {

    public ReplayDeadLetterCommand {
        jobIds = List.copyOf(jobIds);
        if (jobIds.isEmpty() || jobIds.size() > 500) {
            throw new IllegalArgumentException("replay 1 to 500 dead letters at a time");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a replay names the user who asked for it");
        }
    }
}
