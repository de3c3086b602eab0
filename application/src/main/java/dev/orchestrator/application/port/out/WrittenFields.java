package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the orchestrator last wrote into each field of a CRM record, and on whose word. A CRM value that differs
 * from it (or that we never wrote) was entered by a person, which is what lets the merge policy protect it.
 * Calls join the caller's transaction ({@link Transactions}) when there is one.
 */
public interface WrittenFields {
    /** By field name; empty when we never wrote to that record. */
    Map<String, Written> find(String objectType, String crmId);

    /** Replaces what was recorded for each given field of the record. */
    void record(String objectType, String crmId, List<Written> fields);

    record Written(String field, String value, String source, String provider, double confidence, Instant at) {
        public Written {
            Require.notBlank("field", field);
            Require.notBlank("value", value);
            Require.notBlank("source", source);
            Require.present("provider", provider);
            Require.between("confidence", confidence, 0.0, 1.0);
            Require.present("at", at);
        }
    }
}
