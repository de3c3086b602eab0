package dev.orchestrator.adapter.crm.hubspot;

import java.time.Duration;

/** Waiting, as a dependency: production sleeps the thread, tests move a fake clock forward. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper threadSleep() {
        return duration -> Thread.sleep(Math.max(0, duration.toMillis()));
    }
}
