package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.Signal;
import dev.orchestrator.domain.rules.Value;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One record's history as a dry run replays it: what it started as, its fields, and every signal with its time.
 * The replay evaluates the record when it was created, at each signal, and once more at the dry run's
 * {@code asOf} (which is where time-based rules such as "90 days dark" fire).
 */
public record RecordHistory(
        String recordId,
        Instant createdAt,
        LifecycleStage initialStage,
        Optional<String> initialOwnerId,
        Map<String, Value> record,
        Map<String, Value> company,
        Map<String, Value> deal,
        List<Signal> signals) {

    public RecordHistory {
        Require.notBlank("recordId", recordId);
        Require.present("createdAt", createdAt);
        Require.present("initialStage", initialStage);
        Require.present("initialOwnerId", initialOwnerId);
        record = Map.copyOf(Require.present("record", record));
        company = Map.copyOf(Require.present("company", company));
        deal = Map.copyOf(Require.present("deal", deal));
        signals = Require.present("signals", signals).stream().sorted(Comparator.comparing(Signal::at)).toList();
    }
}
