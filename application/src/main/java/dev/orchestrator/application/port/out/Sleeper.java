package dev.orchestrator.application.port.out;

import java.time.Duration;

/** Waiting, from outside the core, so a paced run can be tested on a fake clock. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
}
