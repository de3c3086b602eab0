package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Evaluation contexts with defaults: a lead, no fields, no signals, no owner, at a fixed instant. */
public final class ContextBuilder {
    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final Map<String, Value> record = new LinkedHashMap<>();
    private final Map<String, Value> company = new LinkedHashMap<>();
    private final Map<String, Value> deal = new LinkedHashMap<>();
    private final Map<String, Value> ai = new LinkedHashMap<>();
    private final List<Signal> signals = new ArrayList<>();
    private LifecycleStage stage = LifecycleStage.LEAD;
    private int fit;
    private int behavior;
    private Optional<OwnerState> owner = Optional.empty();
    private Optional<Instant> lastActivity = Optional.empty();
    private Instant now = NOW;

    private ContextBuilder() {
    }

    public static ContextBuilder aContext() {
        return new ContextBuilder();
    }

    public ContextBuilder withRecord(String field, Value value) {
        record.put(field, value);
        return this;
    }

    public ContextBuilder withCompany(String field, Value value) {
        company.put(field, value);
        return this;
    }

    public ContextBuilder withDeal(String field, Value value) {
        deal.put(field, value);
        return this;
    }

    public ContextBuilder withAi(String field, Value value) {
        ai.put(field, value);
        return this;
    }

    public ContextBuilder withSignal(String type, Duration ago) {
        signals.add(new Signal(type, now.minus(ago)));
        return this;
    }

    public ContextBuilder withSignalDaysAgo(String type, int days) {
        return withSignal(type, Duration.ofDays(days));
    }

    public ContextBuilder inStage(LifecycleStage newStage) {
        stage = newStage;
        return this;
    }

    public ContextBuilder withScores(int newFit, int newBehavior) {
        fit = newFit;
        behavior = newBehavior;
        return this;
    }

    public ContextBuilder ownedBy(OwnerState state) {
        owner = Optional.of(state);
        return this;
    }

    public ContextBuilder lastActiveDaysAgo(int days) {
        lastActivity = Optional.of(now.minus(Duration.ofDays(days)));
        return this;
    }

    public EvaluationContext build() {
        return new EvaluationContext(record, company, deal, signals, stage, fit, behavior, owner, lastActivity, now)
                .withAi(ai);
    }
}
