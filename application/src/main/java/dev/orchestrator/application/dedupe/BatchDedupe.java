package dev.orchestrator.application.dedupe;

import dev.orchestrator.domain.dedupe.BlockingKey;
import dev.orchestrator.domain.dedupe.BlockingKeys;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import dev.orchestrator.domain.shared.Require;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Batch dedupe of a file: index every record under its blocking keys, compare only records that share a
 * key, then cluster the {@code Duplicate} pairs with union-find, strongest pairs first, refusing a merge that
 * would put two conflicting records (another brand's domain) into one cluster through a third.
 */
public final class BatchDedupe {
    /** Keys shared by more records than this say nothing specific ("group", a call-centre number). */
    public static final int DEFAULT_MAX_BLOCK = 100;

    private final RecordMatcher matcher;
    private final int maxBlock;

    public BatchDedupe(RecordMatcher matcher, int maxBlock) {
        this.matcher = Require.present("matcher", matcher);
        this.maxBlock = Require.between("maxBlock", maxBlock, 2, 1_000_000);
    }

    public static BatchDedupe standard() {
        return new BatchDedupe(RecordMatcher.standard(MatchThresholds.DEFAULT), DEFAULT_MAX_BLOCK);
    }

    /** The CLI contract: records CSV in (header row, columns in any order), {@code record_id,cluster_id} out. */
    public DedupeResult run(Reader in, Writer out) {
        List<DedupeRecord> records = new ArrayList<>();
        for (Map<String, String> row : Csv.readWithHeader(in)) {
            records.add(DedupeRecord.fromRow(row));
        }
        DedupeResult result = cluster(records);
        Csv.writeRow(out, List.of("record_id", "cluster_id"));
        for (Map.Entry<String, String> e : result.clusterOf().entrySet()) {
            Csv.writeRow(out, List.of(e.getKey(), e.getValue()));
        }
        return result;
    }

    /**
     * Clusters the records. Preparing records and scoring candidates run on the common fork-join pool
     * (both are pure); clustering is sequential over the sorted pairs, so the result does not depend on
     * thread timing.
     */
    public DedupeResult cluster(List<DedupeRecord> input) {
        Set<String> ids = new HashSet<>();
        for (DedupeRecord r : input) {
            Require.that(ids.add(r.recordId()), "record_id", "is not unique: " + r.recordId());
        }
        MatchRecordFactory factory = new MatchRecordFactory(new GuavaRegistrableDomains());
        int n = input.size();
        MatchRecord[] records = new MatchRecord[n];
        List<Set<BlockingKey>> keysOf = new ArrayList<>(Collections.nCopies(n, Set.<BlockingKey>of()));
        IntStream.range(0, n).parallel().forEach(i -> {
            records[i] = factory.toMatchRecord(input.get(i));
            keysOf.set(i, BlockingKeys.of(records[i]));
        });
        Map<BlockingKey, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (BlockingKey k : keysOf.get(i)) {
                index.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        List<Scored> scored = IntStream.range(0, n).parallel()
                .mapToObj(i -> scoreCandidates(i, records, keysOf.get(i), index))
                .collect(Collectors.toList());
        long comparisons = 0;
        long possible = 0;
        List<Edge> edges = new ArrayList<>();
        Map<Long, Boolean> conflictOf = new HashMap<>();
        for (Scored s : scored) {
            comparisons += s.compared;
            possible += s.possible;
            edges.addAll(s.duplicates);
            for (int k = 0; k < s.pairs.length; k++) {
                conflictOf.put(s.pairs[k], s.conflicts[k]);
            }
        }
        edges.sort((x, y) -> x.score != y.score ? Double.compare(y.score, x.score)
                : x.a != y.a ? Integer.compare(x.a, y.a) : Integer.compare(x.b, y.b));
        Clusters clusters = new Clusters(n);
        long refused = 0;
        for (Edge e : edges) {
            int ra = clusters.find(e.a);
            int rb = clusters.find(e.b);
            if (ra == rb) {
                continue;
            }
            MergeCheck check = conflictBetween(clusters.members(ra), clusters.members(rb), records, conflictOf);
            comparisons += check.comparisons;
            if (check.conflict) {
                refused++;
            } else {
                clusters.union(ra, rb);
            }
        }
        Map<String, String> clusterOf = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            clusterOf.put(input.get(i).recordId(), input.get(clusters.find(i)).recordId());
        }
        return new DedupeResult(clusterOf, comparisons, edges.size(), possible, refused);
    }

    /** Scores record i against every later record sharing a (not too common) key with it. */
    private Scored scoreCandidates(int i, MatchRecord[] records, Set<BlockingKey> keys,
                                   Map<BlockingKey, List<Integer>> index) {
        BitSet seen = new BitSet();
        for (BlockingKey k : keys) {
            List<Integer> posting = index.get(k);
            if (posting.size() <= maxBlock) {
                for (int j : posting) {
                    if (j > i) {
                        seen.set(j);
                    }
                }
            }
        }
        int count = seen.cardinality();
        long[] pairs = new long[count];
        boolean[] conflicts = new boolean[count];
        List<Edge> duplicates = new ArrayList<>();
        int possible = 0;
        int k = 0;
        for (int j = seen.nextSetBit(0); j >= 0; j = seen.nextSetBit(j + 1)) {
            MatchDecision decision = matcher.compare(records[i], records[j]);
            pairs[k] = pairKey(i, j);
            conflicts[k] = decision.score().hasConflict();
            k++;
            if (decision instanceof MatchDecision.Duplicate d) {
                duplicates.add(new Edge(i, j, d.score().total()));
            } else if (decision instanceof MatchDecision.PossibleDuplicate) {
                possible++;
            }
        }
        return new Scored(count, possible, duplicates, pairs, conflicts);
    }

    /**
     * One number per unordered pair, scrambled by a bijection (the SplitMix64 finaliser) because Long's own
     * hash of {@code a << 32 | b} is {@code a ^ b}, which piles neighbouring pairs into a few buckets.
     */
    private static long pairKey(int a, int b) {
        long z = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private MergeCheck conflictBetween(List<Integer> left, List<Integer> right, MatchRecord[] records,
                                       Map<Long, Boolean> conflictOf) {
        long compared = 0;
        for (int a : left) {
            for (int b : right) {
                Boolean known = conflictOf.get(pairKey(a, b));
                boolean conflict;
                if (known != null) {
                    conflict = known;
                } else {
                    compared++;
                    conflict = matcher.compare(records[a], records[b]).score().hasConflict();
                    conflictOf.put(pairKey(a, b), conflict);
                }
                if (conflict) {
                    return new MergeCheck(true, compared);
                }
            }
        }
        return new MergeCheck(false, compared);
    }

    private record Scored(int compared, int possible, List<Edge> duplicates, long[] pairs, boolean[] conflicts) {
    }

    private record Edge(int a, int b, double score) {
    }

    private record MergeCheck(boolean conflict, long comparisons) {
    }

    /** Union-find that also keeps each root's members, for the merge check. */
    private static final class Clusters {
        private final int[] parent;
        private final List<List<Integer>> members;

        Clusters(int n) {
            parent = new int[n];
            members = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                List<Integer> own = new ArrayList<>(1);
                own.add(i);
                members.add(own);
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        List<Integer> members(int root) {
            return members.get(root);
        }

        void union(int ra, int rb) {
            // Keep the smaller index as root so cluster ids follow input order.
            int root = Math.min(ra, rb);
            int child = Math.max(ra, rb);
            parent[child] = root;
            members.get(root).addAll(members.get(child));
            members.set(child, List.of());
        }
    }
}
