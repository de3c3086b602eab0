package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.dedupe.MatchRecord;
import java.util.List;

/**
 * The identity index: every known company and contact filed under its blocking keys
 * ({@link dev.orchestrator.domain.dedupe.BlockingKeys#of(MatchRecord)}), with its normalised match fields kept
 * beside the keys, so a lookup returns candidates ready to compare and the caller loads nothing else.
 *
 * <p>Candidate selection is the same everywhere: keys held by more than {@link #MAX_HOLDERS} records narrow
 * nothing down and are skipped; the other records sharing a key with the probe are ranked by the sum of
 * 1/(holders of the key) over the keys they share (rare keys weigh more), ties by record id, and the first
 * {@link #MAX_CANDIDATES} are returned. A lookup asks for one {@link Kind}, so a lead looking for its account
 * is compared with companies, never with contacts; the probe's own id is never its own candidate. Calls join the
 * caller's transaction ({@link Transactions}) when there is one.
 */
public interface IdentityIndex {
    /** Keys held by more records than this are skipped. */
    int MAX_HOLDERS = 100;
    /**
     * Records returned by one lookup at most: what bounds a lookup's comparisons however large the index. Real
     * look-alikes share rare keys and rank first; past the first 24 come colleagues known only by their employer's
     * domain and people whose addresses begin alike. One-by-one lookups over the dedupe benchmark's three datasets
     * find the same pairs at 24 as at 64 ({@code scripts/bench.sh dedupe}; docs/DECISIONS.md).
     */
    int MAX_CANDIDATES = 24;

    /** Files the record under its id ({@link MatchRecord#id()}), replacing whatever that id held before. */
    void index(MatchRecord record);

    /**
     * {@link #index(MatchRecord)} for many records at once (a backfill batch), all or none; the last one wins on
     * a repeated id.
     */
    void indexAll(List<MatchRecord> records);

    /** Forgets the record (merged away, deleted in the CRM); nothing happens when the id is unknown. */
    void remove(String recordId);

    /**
     * The records of the given kind sharing the rarest keys with the probe, best ranked first, at most
     * {@link #MAX_CANDIDATES}. Holders of a key are counted over both kinds.
     */
    List<IdentityCandidate> candidates(MatchRecord probe, Kind kind);

    /** What an indexed record is: a person (it has a first or last name) or a company (an account). */
    enum Kind {
        COMPANY, PERSON;

        public static Kind of(MatchRecord record) {
            return record.isPerson() ? PERSON : COMPANY;
        }
    }
}
