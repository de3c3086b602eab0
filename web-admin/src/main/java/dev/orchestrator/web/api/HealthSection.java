package dev.orchestrator.web.api;

import java.util.Map;

/** A part of {@code /health} owned by a component (enrichment providers); unhealthy makes the service degraded. */
public interface HealthSection {
    String key();

    Map<String, Object> section();

    boolean healthy();
}
