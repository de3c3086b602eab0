package dev.orchestrator.application.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orchestrator.domain.shared.DomainViolation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {
    // truth {a,b,c} {d}; predicted {a,b} {c,d}
    private static final Map<String, String> TRUTH = Map.of("a", "T1", "b", "T1", "c", "T1", "d", "T2");
    private static final Map<String, String> PREDICTED = Map.of("a", "P1", "b", "P1", "c", "P2", "d", "P2");

    @Test
    void pairwise_scores_count_pairs_through_the_contingency_table() {
        ClusterMetrics.Report report = ClusterMetrics.evaluate(TRUTH, PREDICTED);

        assertThat(report.truePairs()).isEqualTo(3);
        assertThat(report.predictedPairs()).isEqualTo(2);
        assertThat(report.commonPairs()).isEqualTo(1);
        assertThat(report.pairwise().precision()).isEqualTo(0.5);
        assertThat(report.pairwise().recall()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(report.pairwise().f1()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void b_cubed_averages_per_record_precision_and_recall() {
        ClusterMetrics.Report report = ClusterMetrics.evaluate(TRUTH, PREDICTED);

        // a, b: P 1, R 2/3; c: P 1/2, R 1/3; d: P 1/2, R 1
        assertThat(report.bcubed().precision()).isCloseTo(0.75, within(1e-12));
        assertThat(report.bcubed().recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(report.bcubed().f1()).isCloseTo(2 * 0.75 * (2 / 3.0) / (0.75 + 2 / 3.0), within(1e-12));
    }

    @Test
    void no_predicted_pairs_means_precision_one() {
        ClusterMetrics.Report report = ClusterMetrics.evaluate(TRUTH,
                Map.of("a", "1", "b", "2", "c", "3", "d", "4"));

        assertThat(report.pairwise().precision()).isEqualTo(1.0);
        assertThat(report.pairwise().recall()).isZero();
        assertThat(report.pairwise().f1()).isZero();
    }

    @Test
    void no_true_pairs_means_recall_one() {
        ClusterMetrics.Report report = ClusterMetrics.evaluate(Map.of("a", "1", "b", "2"), Map.of("a", "X", "b", "X"));

        assertThat(report.pairwise().recall()).isEqualTo(1.0);
        assertThat(report.pairwise().precision()).isZero();
    }

    @Test
    void precision_and_recall_both_zero_give_f1_zero() {
        ClusterMetrics.Report report = ClusterMetrics.evaluate(
                Map.of("a", "T1", "b", "T1", "c", "T2", "d", "T2"),
                Map.of("a", "P1", "c", "P1", "b", "P2", "d", "P2"));

        assertThat(report.pairwise().f1()).isZero();
    }

    @Test
    void a_perfect_clustering_scores_one_everywhere() {
        ClusterMetrics.Report report = ClusterMetrics.evaluate(TRUTH, Map.of("a", "x", "b", "x", "c", "x", "d", "y"));

        assertThat(report.pairwise().f1()).isEqualTo(1.0);
        assertThat(report.bcubed().f1()).isEqualTo(1.0);
    }

    @Test
    void a_prediction_missing_a_record_is_rejected() {
        assertThatThrownBy(() -> ClusterMetrics.evaluate(TRUTH, Map.of("a", "x")))
                .isInstanceOf(DomainViolation.class);
    }
}
