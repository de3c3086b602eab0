package dev.orchestrator.application.dedupe;

import dev.orchestrator.domain.shared.Require;
import java.util.HashMap;
import java.util.Map;

/**
 * Clustering quality exactly as the benchmark README defines it: pairwise precision/recall/F1 counted with
 * a contingency table, and B-cubed precision/recall/F1 averaged over records.
 */
public final class ClusterMetrics {
    private ClusterMetrics() {
    }

    public record Scores(double precision, double recall, double f1) {
    }

    public record Report(Scores pairwise, Scores bcubed, long truePairs, long predictedPairs, long commonPairs) {
    }

    /**
     * Compares a predicted clustering with the truth; both map record id to cluster id and must cover the
     * same records.
     */
    public static Report evaluate(Map<String, String> truth, Map<String, String> predicted) {
        Require.that(truth.keySet().equals(predicted.keySet()), "predicted",
                "must cover exactly the records of the truth");
        Map<String, Integer> trueSizes = sizes(truth);
        Map<String, Integer> predictedSizes = sizes(predicted);
        Map<String, Integer> cells = new HashMap<>();
        for (Map.Entry<String, String> e : truth.entrySet()) {
            cells.merge(e.getValue() + '\u0000' + predicted.get(e.getKey()), 1, Integer::sum);
        }
        long truePairs = pairs(trueSizes.values());
        long predictedPairs = pairs(predictedSizes.values());
        long common = pairs(cells.values());
        double precision = predictedPairs == 0 ? 1.0 : (double) common / predictedPairs;
        double recall = truePairs == 0 ? 1.0 : (double) common / truePairs;
        Scores pairwise = new Scores(precision, recall, f1(precision, recall));

        double bp = 0.0;
        double br = 0.0;
        for (Map.Entry<String, String> e : truth.entrySet()) {
            String t = e.getValue();
            String p = predicted.get(e.getKey());
            int overlap = cells.get(t + '\u0000' + p);
            bp += (double) overlap / predictedSizes.get(p);
            br += (double) overlap / trueSizes.get(t);
        }
        int n = truth.size();
        double bPrecision = n == 0 ? 1.0 : bp / n;
        double bRecall = n == 0 ? 1.0 : br / n;
        Scores bcubed = new Scores(bPrecision, bRecall, f1(bPrecision, bRecall));
        return new Report(pairwise, bcubed, truePairs, predictedPairs, common);
    }

    private static Map<String, Integer> sizes(Map<String, String> clustering) {
        Map<String, Integer> sizes = new HashMap<>();
        for (String c : clustering.values()) {
            sizes.merge(c, 1, Integer::sum);
        }
        return sizes;
    }

    private static long pairs(Iterable<Integer> sizes) {
        long total = 0;
        for (int s : sizes) {
            total += (long) s * (s - 1) / 2;
        }
        return total;
    }

    private static double f1(double p, double r) {
        return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
    }
}
