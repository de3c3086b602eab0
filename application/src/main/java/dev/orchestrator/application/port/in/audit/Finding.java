package dev.orchestrator.application.port.in.audit;

import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.application.port.out.crm.RecordType;
import dev.orchestrator.domain.shared.Require;
import java.util.Optional;

/**
 * One problem on one record.
 *
 * @param field    the field at fault, when one field is
 * @param value    the value found (empty when the problem is a missing value)
 * @param detail   why it is a problem, in words
 * @param proposed the value a backfill would write, when the audit knows a safe one
 */
public record Finding(FindingKind kind, RecordType recordType, String recordId, Optional<RecordField> field,
        String value, String detail, Optional<String> proposed) {
    public Finding {
        Require.present("kind", kind);
        Require.present("recordType", recordType);
        Require.notBlank("recordId", recordId);
        Require.present("field", field);
        Require.present("value", value);
        Require.notBlank("detail", detail);
        Require.present("proposed", proposed);
    }
}
