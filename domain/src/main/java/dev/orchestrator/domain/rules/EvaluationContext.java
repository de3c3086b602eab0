package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a rule may read about one record at one moment. {@code now} is passed in, so replaying a history
 * or a fixture gives the same answer every time; signals after {@code now} are invisible to conditions.
 * A final class rather than a record so the {@code with...} copies made during one evaluation (scores, each
 * transition) share the already validated maps instead of re-checking them: evaluation is the hot path.
 *
 * <p>{@code ai} holds a classifier's accepted proposal (see {@code ClassificationField}), empty when there is
 * none; it is kept apart from {@code record} so a rule always says whether it trusts a person's data or a
 * model's reading of it.
 */
public final class EvaluationContext {
    private final Map<String, Value> record;
    private final Map<String, Value> company;
    private final Map<String, Value> deal;
    private final Map<String, Value> ai;
    private final List<Signal> signals;
    private final LifecycleStage stage;
    private final int fitScore;
    private final int behaviorScore;
    private final Optional<OwnerState> owner;
    private final Optional<Instant> lastActivityAt;
    private final Instant now;

    /** Field names are matched ignoring case; maps and lists are copied unless already immutable. */
    public EvaluationContext(Map<String, Value> record, Map<String, Value> company, Map<String, Value> deal,
            List<Signal> signals, LifecycleStage stage, int fitScore, int behaviorScore, Optional<OwnerState> owner,
            Optional<Instant> lastActivityAt, Instant now) {
        this(lowerCaseKeys("record", record), lowerCaseKeys("company", company), lowerCaseKeys("deal", deal), Map.of(),
                List.copyOf(Require.present("signals", signals)), Require.present("stage", stage), fitScore,
                behaviorScore, Require.present("owner", owner), Require.present("lastActivityAt", lastActivityAt),
                Require.present("now", now), true);
    }

    /** For values already checked: {@code trusted} only tells this constructor apart from the public one. */
    private EvaluationContext(Map<String, Value> record, Map<String, Value> company, Map<String, Value> deal,
            Map<String, Value> ai, List<Signal> signals, LifecycleStage stage, int fitScore, int behaviorScore,
            Optional<OwnerState> owner, Optional<Instant> lastActivityAt, Instant now, boolean trusted) {
        this.record = record;
        this.company = company;
        this.deal = deal;
        this.ai = ai;
        this.signals = signals;
        this.stage = stage;
        this.fitScore = fitScore;
        this.behaviorScore = behaviorScore;
        this.owner = owner;
        this.lastActivityAt = lastActivityAt;
        this.now = now;
    }

    /** A context with no fields, no signals and no owner, for builders to start from. */
    public static EvaluationContext empty(LifecycleStage stage, Instant now) {
        return new EvaluationContext(Map.of(), Map.of(), Map.of(), List.of(), stage, 0, 0, Optional.empty(),
                Optional.empty(), now);
    }

    public Map<String, Value> record() {
        return record;
    }

    public Map<String, Value> company() {
        return company;
    }

    public Map<String, Value> deal() {
        return deal;
    }

    /** The classifier's accepted proposal under its field keys; empty when none was accepted. */
    public Map<String, Value> ai() {
        return ai;
    }

    public List<Signal> signals() {
        return signals;
    }

    public LifecycleStage stage() {
        return stage;
    }

    public int fitScore() {
        return fitScore;
    }

    public int behaviorScore() {
        return behaviorScore;
    }

    public Optional<OwnerState> owner() {
        return owner;
    }

    public Optional<Instant> lastActivityAt() {
        return lastActivityAt;
    }

    public Instant now() {
        return now;
    }

    public EvaluationContext withStage(LifecycleStage newStage) {
        return new EvaluationContext(record, company, deal, ai, signals, Require.present("stage", newStage), fitScore,
                behaviorScore, owner, lastActivityAt, now, true);
    }

    /**
     * A copy whose {@code ai.*} fields are these; keys must be fields a classifier may propose, so nothing else a
     * model says can reach a rule.
     */
    public EvaluationContext withAi(Map<String, Value> proposal) {
        Map<String, Value> checked = lowerCaseKeys("ai", proposal);
        for (String key : checked.keySet()) {
            Require.that(FieldPath.AI_FIELDS.contains(key), "ai." + key,
                    "is not a field a classifier may propose (" + FieldPath.aiFieldList() + ")");
        }
        return new EvaluationContext(record, company, deal, checked, signals, stage, fitScore, behaviorScore, owner,
                lastActivityAt, now, true);
    }

    public EvaluationContext withScores(int fit, int behavior) {
        return new EvaluationContext(record, company, deal, ai, signals, stage, fit, behavior, owner, lastActivityAt,
                now, true);
    }

    public EvaluationContext withOwner(Optional<OwnerState> newOwner) {
        return new EvaluationContext(record, company, deal, ai, signals, stage, fitScore, behaviorScore,
                Require.present("owner", newOwner), lastActivityAt, now, true);
    }

    public EvaluationContext at(Instant newNow) {
        return new EvaluationContext(record, company, deal, ai, signals, stage, fitScore, behaviorScore, owner,
                lastActivityAt, Require.present("now", newNow), true);
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

    @Override
    public String toString() {
        return "EvaluationContext[stage=" + stage.key() + ", now=" + now + ", record=" + record + ", company="
                + company + ", deal=" + deal + ", ai=" + ai + ", signals=" + signals.size() + ", owner="
                + owner.map(OwnerState::id).orElse("(none)") + "]";
    }

    /** Lower-cases keys; a map that is already immutable and lower-case is kept as is. */
    private static Map<String, Value> lowerCaseKeys(String field, Map<String, Value> values) {
        Require.present(field, values);
        boolean normalized = true;
        for (Map.Entry<String, Value> entry : values.entrySet()) {
            String key = Require.notBlank(field + ".key", entry.getKey());
            Require.present(field + "." + key, entry.getValue());
            normalized &= key.equals(key.toLowerCase(Locale.ROOT));
        }
        if (normalized) {
            return Map.copyOf(values);
        }
        Map<String, Value> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> copy.put(key.toLowerCase(Locale.ROOT), value));
        return Map.copyOf(copy);
    }
}
