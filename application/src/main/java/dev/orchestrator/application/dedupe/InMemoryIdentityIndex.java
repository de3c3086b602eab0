package dev.orchestrator.application.dedupe;

import dev.orchestrator.application.port.out.IdentityCandidate;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.domain.dedupe.BlockingKey;
import dev.orchestrator.domain.dedupe.BlockingKeys;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import dev.orchestrator.domain.shared.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An identity index held in memory: records filed under their blocking keys, the same shape as the
 * PostgreSQL one ((key_type, key_value, record id) rows) and the same candidate ranking. It serves tests, the
 * benchmark and single-process tools, and adds {@link #lookup}, which also compares the candidates. Not
 * thread-safe.
 */
public final class InMemoryIdentityIndex implements IdentityIndex {
    private final RecordMatcher matcher;
    private final int maxBlock;
    private final int maxCandidates;
    // A removed record leaves a null slot: positions stay stable, so postings never need renumbering.
    private final List<MatchRecord> records = new ArrayList<>();
    private final List<Set<BlockingKey>> keysAt = new ArrayList<>();
    private final Map<String, Integer> positionOf = new HashMap<>();
    private final Map<BlockingKey, Postings> index = new HashMap<>();

    /**
     * @param maxBlock      keys filed under more records than this are skipped (they narrow nothing down)
     * @param maxCandidates records compared per lookup at most
     */
    public InMemoryIdentityIndex(RecordMatcher matcher, int maxBlock, int maxCandidates) {
        this.matcher = Require.present("matcher", matcher);
        this.maxBlock = Require.between("maxBlock", maxBlock, 2, 1_000_000);
        this.maxCandidates = Require.between("maxCandidates", maxCandidates, 1, 1_000_000);
    }

    /**
     * The port's limits ({@link IdentityIndex#MAX_HOLDERS}, {@link IdentityIndex#MAX_CANDIDATES}) and the default
     * thresholds.
     */
    public static InMemoryIdentityIndex standard() {
        return new InMemoryIdentityIndex(RecordMatcher.standard(MatchThresholds.DEFAULT), MAX_HOLDERS,
                MAX_CANDIDATES);
    }

    /** A match found by a lookup: the indexed record's id and the decision with its evidence. */
    public record IndexMatch(String recordId, MatchDecision decision) {
    }

    /** Same as {@link #index(MatchRecord)}. */
    public void add(MatchRecord record) {
        index(record);
    }

    @Override
    public void index(MatchRecord record) {
        remove(record.id());
        int position = records.size();
        Set<BlockingKey> keys = BlockingKeys.of(record);
        records.add(record);
        keysAt.add(keys);
        positionOf.put(record.id(), position);
        for (BlockingKey key : keys) {
            index.computeIfAbsent(key, k -> new Postings()).add(position);
        }
    }

    @Override
    public void indexAll(List<MatchRecord> batch) {
        for (MatchRecord record : batch) {
            index(record);
        }
    }

    @Override
    public void remove(String recordId) {
        Integer position = positionOf.remove(recordId);
        if (position == null) {
            return;
        }
        for (BlockingKey key : keysAt.get(position)) {
            Postings postings = index.get(key);
            postings.remove(position);
            if (postings.size == 0) {
                index.remove(key);
            }
        }
        records.set(position, null);
        keysAt.set(position, Set.of());
    }

    public int size() {
        return positionOf.size();
    }

    @Override
    public List<IdentityCandidate> candidates(MatchRecord probe, Kind kind) {
        Map<Integer, Shared> shared = new HashMap<>();
        for (BlockingKey key : BlockingKeys.of(probe)) {
            Postings postings = index.get(key);
            if (postings != null && postings.size <= maxBlock) {
                double weight = 1.0 / postings.size;
                for (int i = 0; i < postings.size; i++) {
                    int position = postings.items[i];
                    MatchRecord holder = records.get(position);
                    if (Kind.of(holder) == kind && !holder.id().equals(probe.id())) {
                        shared.computeIfAbsent(position, p -> new Shared()).add(key, weight);
                    }
                }
            }
        }
        List<IdentityCandidate> ranked = new ArrayList<>(shared.size());
        for (Map.Entry<Integer, Shared> e : shared.entrySet()) {
            ranked.add(new IdentityCandidate(records.get(e.getKey()), IdentityCandidate.rounded(e.getValue().affinity),
                    e.getValue().keys));
        }
        ranked.sort((x, y) -> x.affinity() != y.affinity() ? Double.compare(y.affinity(), x.affinity())
                : x.recordId().compareTo(y.recordId()));
        return ranked.size() > maxCandidates ? List.copyOf(ranked.subList(0, maxCandidates)) : ranked;
    }

    /** Lead-to-account and company dedupe: {@link #lookup(MatchRecord, Kind)} among the companies. */
    public List<IndexMatch> lookup(MatchRecord probe) {
        return lookup(probe, Kind.COMPANY);
    }

    /**
     * Duplicates and possible duplicates of the probe among its {@link #candidates}, strongest first: the
     * comparisons run only against the records sharing the rarest keys, which bounds the cost of a lookup however
     * large the index grows.
     */
    public List<IndexMatch> lookup(MatchRecord probe, Kind kind) {
        List<IndexMatch> matches = new ArrayList<>();
        for (IdentityCandidate candidate : candidates(probe, kind)) {
            MatchDecision decision = matcher.compare(probe, candidate.record());
            if (!(decision instanceof MatchDecision.Distinct)) {
                matches.add(new IndexMatch(candidate.recordId(), decision));
            }
        }
        matches.sort((a, b) -> Double.compare(b.decision().score().total(), a.decision().score().total()));
        return matches;
    }

    private static final class Shared {
        private double affinity;
        private final List<BlockingKey> keys = new ArrayList<>(4);

        void add(BlockingKey key, double weight) {
            affinity += weight;
            keys.add(key);
        }
    }

    /** Record positions under one key, as a growable int array (a million records make boxing expensive). */
    private static final class Postings {
        private int[] items = new int[2];
        private int size;

        void add(int position) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = position;
        }

        void remove(int position) {
            for (int i = 0; i < size; i++) {
                if (items[i] == position) {
                    System.arraycopy(items, i + 1, items, i, size - i - 1);
                    size--;
                    return;
                }
            }
        }
    }
}
