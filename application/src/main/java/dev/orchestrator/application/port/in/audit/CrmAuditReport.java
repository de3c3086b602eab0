package dev.orchestrator.application.port.in.audit;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an audit found. Duplicate findings are one per merged-away record, so their count is the records a merge
 * would remove; the clusters carry the evidence.
 *
 * @param requests     calls made to the source while reading
 * @param activeOwners the ids of the owners records may be routed to, in the CRM's order
 */
public record CrmAuditReport(String source, Instant at, long contacts, long companies, long owners, long deals,
        long requests, List<Finding> findings, List<DuplicateCluster> clusters, List<String> activeOwners) {
    public CrmAuditReport {
        Require.notBlank("source", source);
        Require.present("at", at);
        findings = List.copyOf(findings);
        clusters = List.copyOf(clusters);
        activeOwners = List.copyOf(activeOwners);
    }

    public long count(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).count();
    }

    public Map<FindingKind, Long> counts() {
        Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
        for (FindingKind kind : FindingKind.values()) {
            counts.put(kind, count(kind));
        }
        return counts;
    }

    public long population(FindingKind kind) {
        return switch (kind.population()) {
            case CONTACTS -> contacts;
            case COMPANIES -> companies;
            case ALL_RECORDS -> contacts + companies;
        };
    }

    /** The share of the kind's population affected, 0–100. */
    public double percent(FindingKind kind) {
        long population = population(kind);
        return population == 0 ? 0 : 100.0 * count(kind) / population;
    }

    public List<Finding> examples(FindingKind kind, int max) {
        return findings.stream().filter(f -> f.kind() == kind).limit(max).toList();
    }

    public List<DuplicateCluster> clustersOf(FindingKind kind) {
        return clusters.stream().filter(c -> (kind == FindingKind.DUPLICATE_CONTACT)
                == (c.recordType() == dev.orchestrator.application.port.out.crm.RecordType.CONTACT)).toList();
    }
}
