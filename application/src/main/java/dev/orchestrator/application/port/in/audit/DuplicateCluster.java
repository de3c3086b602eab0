package dev.orchestrator.application.port.in.audit;

import dev.orchestrator.application.port.out.crm.RecordType;
import dev.orchestrator.domain.shared.Require;
import java.util.List;

/**
 * Records the matcher found to be one real-world entity.
 *
 * @param recordIds the members, the one a merge would keep first
 * @param labels    what each member shows a person (email or name and domain), in member order
 * @param evidence  per other member: the matcher's score and features against the first
 */
public record DuplicateCluster(RecordType recordType, List<String> recordIds, List<String> labels,
        List<String> evidence) {
    public DuplicateCluster {
        Require.present("recordType", recordType);
        recordIds = List.copyOf(recordIds);
        labels = List.copyOf(labels);
        evidence = List.copyOf(evidence);
        Require.that(recordIds.size() >= 2, "recordIds", "a cluster has at least two records");
    }

    public String survivorId() {
        return recordIds.get(0);
    }

    public List<String> mergedIds() {
        return recordIds.subList(1, recordIds.size());
    }

    public int size() {
        return recordIds.size();
    }
}
