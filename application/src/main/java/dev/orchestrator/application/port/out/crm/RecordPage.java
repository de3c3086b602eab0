package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.shared.Require;
import java.util.List;
import java.util.Optional;

/** One page of a {@link CrmRecords} listing; {@code next} is empty on the last page. */
public record RecordPage<T>(List<T> records, Optional<String> next) {
    public RecordPage {
        records = List.copyOf(Require.present("records", records));
        Require.present("next", next);
    }
}
