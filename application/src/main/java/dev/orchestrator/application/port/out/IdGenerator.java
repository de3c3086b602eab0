package dev.orchestrator.application.port.out;

import java.util.UUID;

/** New ids come from outside the core so a replay or a test can be reproduced. */
public interface IdGenerator {
    UUID newId();
}
