package dev.orchestrator.web.pages;

import java.util.List;

/** The dashboard: headline cards, three charts and the funnel as a table too (for screen readers and copying). */
public record DashboardPageModel(String asOf, List<Card> cards, BarChart throughput, BarChart failures,
        BarChart funnel, List<FunnelRow> funnelRows) {

    public record Card(String label, String value, String link, String tone) {
    }

    public record FunnelRow(String stage, long reached, String conversion) {
    }
}
