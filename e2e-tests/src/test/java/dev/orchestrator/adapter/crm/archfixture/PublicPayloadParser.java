package dev.orchestrator.adapter.crm.archfixture;

import dev.orchestrator.application.port.out.PayloadParser;

/** Deliberate violation: an out-port implementation inside an adapter that is public. */
public class PublicPayloadParser implements PayloadParser {
    @Override
    public Parsed parse(byte[] body) {
        return new Unparseable("fixture");
    }
}
