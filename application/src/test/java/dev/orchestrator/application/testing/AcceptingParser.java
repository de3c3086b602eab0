package dev.orchestrator.application.testing;

import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.PayloadTree;
import java.util.Map;

/** A parser for tests that are about storage, not parsing: every body is an empty JSON object. */
public final class AcceptingParser implements PayloadParser {
    @Override
    public Parsed parse(byte[] body) {
        return new Ok(new PayloadTree(Map.of()));
    }
}
