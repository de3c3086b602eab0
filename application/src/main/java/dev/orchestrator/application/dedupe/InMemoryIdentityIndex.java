package dev.orchestrator.application.dedupe;

import dev.orchestrator.domain.dedupe.BlockingKey;
import dev.orchestrator.domain.dedupe.BlockingKeys;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import dev.orchestrator.domain.shared.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
    private final List<MatchRecord> records = new ArrayList<>();
    private final Map<BlockingKey, Postings> index = new HashMap<>();

    public InMemoryIdentityIndex(RecordMatcher matcher, int maxBlock) {
        this.matcher = Require.present("matcher", matcher);
        this.maxBlock = Require.between("maxBlock", maxBlock, 2, 1_000_000);
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

    /** Duplicates and possible duplicates of the probe among records sharing a key with it, best first. */
    public List<IndexMatch> lookup(MatchRecord probe) {
        BitSet candidates = new BitSet();
        for (BlockingKey key : BlockingKeys.of(probe)) {
            Postings postings = index.get(key);
            if (postings != null && postings.size <= maxBlock) {
                for (int i = 0; i < postings.size; i++) {
                    candidates.set(postings.items[i]);
                }
            }
        }
        List<IndexMatch> matches = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            MatchRecord candidate = records.get(i);
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
