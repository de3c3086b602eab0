package dev.orchestrator.application.enrich;

import dev.orchestrator.application.port.out.enrichment.FirmographicField;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import dev.orchestrator.domain.merge.FieldMergeRule;
import dev.orchestrator.domain.merge.FieldValue;
import dev.orchestrator.domain.merge.MergeOutcome;
import dev.orchestrator.domain.merge.MergePolicy;
import dev.orchestrator.domain.merge.SourceRanking;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Enriched firmographics read through the one merge policy ({@link MergePolicy}): empty fields are filled, earlier
 * enrichment is refreshed by a newer answer, and a value a person entered is never overwritten unless its field is
 * trusted-refresh. Answers below the minimum confidence change nothing. Fields are named by
 * {@link FirmographicField#key()} in the policy.
 */
public final class FirmographicsMergePolicy {
    private final MergePolicy policy;

    public FirmographicsMergePolicy(MergePolicy policy) {
        this.policy = Require.present("policy", policy);
    }

    public FirmographicsMergePolicy(Set<FirmographicField> trustedRefresh, double minimumConfidence) {
        this(new MergePolicy(SourceRanking.DEFAULT, trustedRefresh.stream()
                .map(f -> new FieldMergeRule(f.key(), FieldMergeRule.Strategy.TRUSTED_REFRESH)).toList(),
                FieldMergeRule.Strategy.SOURCE_PRIORITY, minimumConfidence));
    }

    /** Nothing is trusted to overwrite people, and any provider answer counts. */
    public static FirmographicsMergePolicy conservative() {
        return new FirmographicsMergePolicy(Set.of(), 0.0);
    }

    /**
     * One decision per field the enrichment knows; fields it does not know are left alone and not listed.
     * {@code current} holds the record's values as {@link Firmographics#display} prints them; values held without
     * a time count as older than an answer arriving {@code at}.
     */
    public List<FieldDecision> decide(Map<FirmographicField, CurrentValue> current, Firmographics enriched,
            Instant at) {
        List<FieldDecision> decisions = new ArrayList<>();
        for (FirmographicField field : FirmographicField.values()) {
            Optional<Sourced<?>> source = enriched.field(field);
            if (source.isEmpty()) {
                continue;
            }
            FieldValue offered = new FieldValue(enriched.display(field).orElseThrow(), SourceRanking.ENRICHMENT,
                    source.get().provider(), at, source.get().confidence());
            Optional<FieldValue> now = Optional.ofNullable(current.get(field)).map(FirmographicsMergePolicy::held);
            decisions.add(toDecision(field, policy.decide(field.key(), now, offered)));
        }
        return List.copyOf(decisions);
    }

    public static List<FieldDecision.Apply> applied(List<FieldDecision> decisions) {
        return decisions.stream().filter(FieldDecision.Apply.class::isInstance).map(FieldDecision.Apply.class::cast)
                .toList();
    }

    private static FieldValue held(CurrentValue value) {
        String source = value.origin() == CurrentValue.Origin.PERSON ? SourceRanking.CRM_USER
                : SourceRanking.ENRICHMENT;
        return FieldValue.of(value.value(), source, Instant.MIN);
    }

    private static FieldDecision toDecision(FirmographicField field, MergeOutcome outcome) {
        FieldValue offered = outcome.offered();
        if (outcome instanceof MergeOutcome.Apply) {
            return new FieldDecision.Apply(field, outcome.current().map(FieldValue::value), offered.value(),
                    offered.detail(), offered.confidence(), outcome.rule(), outcome.explanation());
        }
        return new FieldDecision.Keep(field, outcome.current().map(FieldValue::value).orElse(""), offered.value(),
                offered.detail(), offered.confidence(), outcome.rule(), outcome.explanation());
    }
}
