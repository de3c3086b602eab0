package dev.orchestrator.web.api;

/** A part of {@code /metrics} owned by something other than the health report (the edge, the retention sweep). */
@FunctionalInterface
public interface MetricsSource {
    /** Appends complete Prometheus text-format families (HELP, TYPE, samples). */
    void appendTo(StringBuilder out);
}
