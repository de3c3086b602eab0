package dev.orchestrator.application.dedupe;

import dev.orchestrator.domain.dedupe.BlockingKey;
import dev.orchestrator.domain.dedupe.BlockingKeys;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import dev.orchestrator.domain.shared.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An identity index held in memory: records filed under their blocking keys, and a lookup that compares a
 * probe with the records sharing a key and answers the duplicates and possible duplicates, strongest first.
 * The same shape a database-backed index has ((key_type, key_value, record id) rows); this one serves tests,
 * the benchmark and single-process tools. Not thread-safe.
 */
public final class InMemoryIdentityIndex {
    private final RecordMatcher matcher;
    private final int maxBlock;
    private final int maxCandidates;
    private final List<MatchRecord> records = new ArrayList<>();
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

    /** A match found by a lookup: the indexed record's id and the decision with its evidence. */
    public record IndexMatch(String recordId, MatchDecision decision) {
    }

    public void add(MatchRecord record) {
        int position = records.size();
        records.add(record);
        for (BlockingKey key : BlockingKeys.of(record)) {
            index.computeIfAbsent(key, k -> new Postings()).add(position);
        }
    }

    public int size() {
        return records.size();
    }

    /**
     * Duplicates and possible duplicates of the probe among records sharing a key with it, best first. At most
     * {@code maxCandidates} records are compared: those sharing the rarest keys (each shared key counts
     * 1/its posting size), which bounds the cost of a lookup however large the index grows.
     */
    public List<IndexMatch> lookup(MatchRecord probe) {
        Map<Integer, Double> affinity = new HashMap<>();
        for (BlockingKey key : BlockingKeys.of(probe)) {
            Postings postings = index.get(key);
            if (postings != null && postings.size <= maxBlock) {
                double weight = 1.0 / postings.size;
                for (int i = 0; i < postings.size; i++) {
                    affinity.merge(postings.items[i], weight, Double::sum);
                }
            }
        }
        List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(affinity.entrySet());
        if (ranked.size() > maxCandidates) {
            ranked.sort((x, y) -> !x.getValue().equals(y.getValue()) ? Double.compare(y.getValue(), x.getValue())
                    : Integer.compare(x.getKey(), y.getKey()));
            ranked = ranked.subList(0, maxCandidates);
        }
        List<IndexMatch> matches = new ArrayList<>();
        for (Map.Entry<Integer, Double> entry : ranked) {
            MatchRecord candidate = records.get(entry.getKey());
            if (candidate.id().equals(probe.id())) {
                continue;
            }
            MatchDecision decision = matcher.compare(probe, candidate);
            if (!(decision instanceof MatchDecision.Distinct)) {
                matches.add(new IndexMatch(candidate.id(), decision));
            }
        }
        matches.sort((a, b) -> Double.compare(b.decision().score().total(), a.decision().score().total()));
        return matches;
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
    }
}
