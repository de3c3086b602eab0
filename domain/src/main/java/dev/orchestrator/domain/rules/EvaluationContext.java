package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a rule may read about one record at one moment. {@code now} is passed in, so replaying a history
 * or a fixture gives the same answer every time; signals after {@code now} are invisible to conditions.
 */
public record EvaluationContext(
        Map<String, Value> record,
        Map<String, Value> company,
        Map<String, Value> deal,
        List<Signal> signals,
        LifecycleStage stage,
        int fitScore,
        int behaviorScore,
        Optional<OwnerState> owner,
        Optional<Instant> lastActivityAt,
        Instant now) {

    public EvaluationContext {
        record = lowerCaseKeys("record", record);
        company = lowerCaseKeys("company", company);
        deal = lowerCaseKeys("deal", deal);
        signals = List.copyOf(Require.present("signals", signals));
        Require.present("stage", stage);
        Require.present("owner", owner);
        Require.present("lastActivityAt", lastActivityAt);
        Require.present("now", now);
    }

    /** A context with no fields, no signals and no owner, for builders to start from. */
    public static EvaluationContext empty(LifecycleStage stage, Instant now) {
        return new EvaluationContext(Map.of(), Map.of(), Map.of(), List.of(), stage, 0, 0, Optional.empty(),
                Optional.empty(), now);
    }

    public EvaluationContext withStage(LifecycleStage newStage) {
        return new EvaluationContext(record, company, deal, signals, newStage, fitScore, behaviorScore, owner,
                lastActivityAt, now);
    }

    public EvaluationContext withScores(int fit, int behavior) {
        return new EvaluationContext(record, company, deal, signals, stage, fit, behavior, owner, lastActivityAt,
                now);
    }

    public EvaluationContext withOwner(Optional<OwnerState> newOwner) {
        return new EvaluationContext(record, company, deal, signals, stage, fitScore, behaviorScore, newOwner,
                lastActivityAt, now);
    }

    public EvaluationContext at(Instant newNow) {
        return new EvaluationContext(record, company, deal, signals, stage, fitScore, behaviorScore, owner,
                lastActivityAt, newNow);
    }

    /** The latest activity not after {@code now}: the recorded one or the newest visible signal. */
    public Optional<Instant> lastActivity() {
        Instant latest = lastActivityAt.filter(at -> !at.isAfter(now)).orElse(null);
        for (Signal signal : signals) {
            if (!signal.at().isAfter(now) && (latest == null || signal.at().isAfter(latest))) {
                latest = signal.at();
            }
        }
        return Optional.ofNullable(latest);
    }

    private static Map<String, Value> lowerCaseKeys(String field, Map<String, Value> values) {
        Map<String, Value> copy = new LinkedHashMap<>();
        Require.present(field, values).forEach((key, value) -> copy.put(
                Require.notBlank(field + ".key", key).toLowerCase(Locale.ROOT), Require.present(field + "." + key, value)));
        return Collections.unmodifiableMap(copy);
    }
}
