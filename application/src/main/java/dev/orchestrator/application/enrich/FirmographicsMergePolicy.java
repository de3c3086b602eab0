package dev.orchestrator.application.enrich;

import dev.orchestrator.application.port.out.enrichment.FirmographicField;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import dev.orchestrator.domain.shared.Require;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How enriched firmographics go into a record: empty fields are filled, earlier enrichment is refreshed, and a
 * value a person entered is never overwritten unless its field is configured as trusted-refresh. Answers below
 * the minimum confidence change nothing. The rules are a list, tried in order; the first that decides wins.
 */
public final class FirmographicsMergePolicy {

    /** One merge rule: decides for a field, or passes (empty) to the next rule. */
    @FunctionalInterface
    interface MergeRule {
        Optional<FieldDecision> decide(FirmographicField field, Optional<CurrentValue> current, String offered,
                Sourced<?> source);
    }

    private final List<MergeRule> rules;

    public FirmographicsMergePolicy(Set<FirmographicField> trustedRefresh, double minimumConfidence) {
        Require.between("minimumConfidence", minimumConfidence, 0.0, 1.0);
        Set<FirmographicField> trusted = trustedRefresh.isEmpty() ? EnumSet.noneOf(FirmographicField.class)
                : EnumSet.copyOf(trustedRefresh);
        this.rules = List.of(
                tooUnsure(minimumConfidence),
                fillEmpty(),
                alreadyEqual(),
                trustedRefresh(trusted),
                personEnteredWins(),
                refreshEnrichment());
    }

    /** Nothing is trusted to overwrite people, and any provider answer counts. */
    public static FirmographicsMergePolicy conservative() {
        return new FirmographicsMergePolicy(Set.of(), 0.0);
    }

    /**
     * One decision per field the enrichment knows; fields it does not know are left alone and not listed.
     * {@code current} holds the record's values as {@link Firmographics#display} prints them.
     */
    public List<FieldDecision> decide(Map<FirmographicField, CurrentValue> current, Firmographics enriched) {
        List<FieldDecision> decisions = new ArrayList<>();
        for (FirmographicField field : FirmographicField.values()) {
            Optional<Sourced<?>> source = enriched.field(field);
            if (source.isEmpty()) {
                continue;
            }
            String offered = enriched.display(field).orElseThrow();
            Optional<CurrentValue> now = Optional.ofNullable(current.get(field));
            decisions.add(rules.stream()
                    .map(rule -> rule.decide(field, now, offered, source.get()))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no merge rule decided " + field)));
        }
        return List.copyOf(decisions);
    }

    public static List<FieldDecision.Apply> applied(List<FieldDecision> decisions) {
        return decisions.stream().filter(FieldDecision.Apply.class::isInstance).map(FieldDecision.Apply.class::cast)
                .toList();
    }

    static MergeRule tooUnsure(double minimum) {
        return (field, current, offered, source) -> source.confidence() < minimum
                ? Optional.of(new FieldDecision.Keep(field, current.map(CurrentValue::value).orElse(""), offered,
                        source.provider(), source.confidence(), "below-minimum-confidence"))
                : Optional.empty();
    }

    static MergeRule fillEmpty() {
        return (field, current, offered, source) -> current.isEmpty()
                ? Optional.of(new FieldDecision.Apply(field, Optional.empty(), offered, source.provider(),
                        source.confidence(), "fill-empty"))
                : Optional.empty();
    }

    static MergeRule alreadyEqual() {
        return (field, current, offered, source) -> current.filter(c -> c.value().equals(offered)).isPresent()
                ? Optional.of(new FieldDecision.Keep(field, offered, offered, source.provider(), source.confidence(),
                        "already-equal"))
                : Optional.empty();
    }

    static MergeRule trustedRefresh(Set<FirmographicField> trusted) {
        return (field, current, offered, source) -> trusted.contains(field)
                ? Optional.of(new FieldDecision.Apply(field, current.map(CurrentValue::value), offered,
                        source.provider(), source.confidence(), "trusted-refresh"))
                : Optional.empty();
    }

    static MergeRule personEnteredWins() {
        return (field, current, offered, source) -> current.filter(c -> c.origin() == CurrentValue.Origin.PERSON)
                .map(c -> new FieldDecision.Keep(field, c.value(), offered, source.provider(), source.confidence(),
                        "person-entered-wins"));
    }

    static MergeRule refreshEnrichment() {
        return (field, current, offered, source) -> Optional.of(new FieldDecision.Apply(field,
                current.map(CurrentValue::value), offered, source.provider(), source.confidence(),
                "refresh-enrichment"));
    }
}
