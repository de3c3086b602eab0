package dev.orchestrator.domain.merge;

import dev.orchestrator.domain.shared.Require;
import java.util.HashSet;
import java.util.List;

/**
 * Sources from the most to the least trusted ({@code crm-user > form > enrichment}). A source the ranking does
 * not name ranks below every named one, so a new integration never silently outranks a person.
 */
public record SourceRanking(List<String> sources) {
    public static final String CRM_USER = "crm-user";
    public static final String FORM = "form";
    public static final String ENRICHMENT = "enrichment";
    public static final SourceRanking DEFAULT = new SourceRanking(List.of(CRM_USER, FORM, ENRICHMENT));

    public SourceRanking {
        sources = List.copyOf(Require.present("sources", sources));
        Require.that(!sources.isEmpty(), "sources", "must name at least one source");
        sources.forEach(s -> Require.notBlank("sources", s));
        Require.that(new HashSet<>(sources).size() == sources.size(), "sources", "must not repeat a source");
    }

    /** 0 for the most trusted; unknown sources share the rank after the last named one. */
    public int rank(String source) {
        int at = sources.indexOf(source);
        return at < 0 ? sources.size() : at;
    }

    public boolean outranks(String a, String b) {
        return rank(a) < rank(b);
    }
}
