package dev.orchestrator.application.port.out.enrichment;

import dev.orchestrator.domain.shared.Require;

/** A provider's answer as it came over the wire, kept with the event so the audit can show what was said. */
public record RawResponse(int status, String body) {
    public RawResponse {
        Require.between("status", status, 100, 599);
        Require.present("body", body);
    }
}
