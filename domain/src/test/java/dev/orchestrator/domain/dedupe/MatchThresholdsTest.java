package dev.orchestrator.domain.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.domain.shared.DomainViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchThresholdsTest {
    private final MatchThresholds thresholds = new MatchThresholds(5.0, 2.5);

    @Test
    void a_score_at_the_match_threshold_is_a_duplicate() {
        assertThat(thresholds.decide(score(MatchFeature.of("name", "same", 5.0))))
                .isInstanceOf(MatchDecision.Duplicate.class);
    }

    @Test
    void a_score_between_the_thresholds_is_a_possible_duplicate() {
        assertThat(thresholds.decide(score(MatchFeature.of("name", "typo", 3.0))))
                .isInstanceOf(MatchDecision.PossibleDuplicate.class);
    }

    @Test
    void a_score_below_the_possible_threshold_is_distinct() {
        assertThat(thresholds.decide(score(MatchFeature.of("name", "different", -2.0))))
                .isInstanceOf(MatchDecision.Distinct.class);
    }

    @Test
    void a_conflict_keeps_even_a_high_score_from_being_a_duplicate() {
        MatchDecision decision = thresholds.decide(score(MatchFeature.of("name", "same", 9.0),
                MatchFeature.conflict("domain", "unrelated", -1.0)));

        assertThat(decision).isInstanceOf(MatchDecision.PossibleDuplicate.class);
    }

    @Test
    void the_possible_threshold_cannot_exceed_the_match_threshold() {
        assertThatThrownBy(() -> new MatchThresholds(2.0, 3.0)).isInstanceOf(DomainViolation.class)
                .hasMessageContaining("possible");
    }

    private static MatchScore score(MatchFeature... features) {
        return MatchScore.of(List.of(features));
    }
}
