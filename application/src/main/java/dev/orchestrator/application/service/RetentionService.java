package dev.orchestrator.application.service;

import dev.orchestrator.application.intake.PayloadHash;
import dev.orchestrator.application.port.in.RetentionRun;
import dev.orchestrator.application.port.in.RetentionTotals;
import dev.orchestrator.application.port.in.RetentionUseCase;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.PersonalDataStore;
import dev.orchestrator.application.port.out.PersonalDataStore.ErasedEvent;
import dev.orchestrator.application.port.out.PersonalDataStore.StoredText;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.SingletonLock;
import dev.orchestrator.application.port.out.Transactions;
import dev.orchestrator.application.privacy.PersonalDataPolicy;
import dev.orchestrator.application.privacy.PersonalDataPolicy.Identifiers;
import dev.orchestrator.application.privacy.Pseudonyms;
import dev.orchestrator.application.privacy.Scrubber;
import dev.orchestrator.domain.audit.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw payloads and audit evidence older than the retention age lose their personal data the way a forgotten
 * person's do (same policy, same pseudonym for the same email), in batches of one transaction each. Only one
 * instance sweeps at a time; the others skip. Events still waiting for a worker are left alone.
 */
public final class RetentionService implements RetentionUseCase {
    public static final String LOCK = "retention-sweep";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

    private final PersonalDataStore store;
    private final SingletonLock lock;
    private final Transactions transactions;
    private final PayloadParser parser;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final Duration maxAge;
    private final int batchSize;

    private long runs;
    private long skipped;
    private long rawErased;
    private long auditErased;
    private Optional<Instant> lastRunAt = Optional.empty();

    public RetentionService(PersonalDataStore store, SingletonLock lock, Transactions transactions,
            PayloadParser parser, Pseudonyms pseudonyms, Clock clock, Duration maxAge, int batchSize) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the retention age must be positive");
        }
        this.store = store;
        this.lock = lock;
        this.transactions = transactions;
        this.parser = parser;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.maxAge = maxAge;
        this.batchSize = batchSize;
    }

    @Override
    public RetentionRun run() {
        Instant cutoff = clock.instant().minus(maxAge);
        Optional<RetentionRun.Swept> swept = lock.ifFree(LOCK, () -> sweep(cutoff));
        synchronized (this) {
            lastRunAt = Optional.of(clock.instant());
            if (swept.isEmpty()) {
                skipped++;
                return new RetentionRun.SkippedElsewhere();
            }
            runs++;
            rawErased += swept.get().rawEvents();
            auditErased += swept.get().auditEvents();
        }
        if (swept.get().rawEvents() + swept.get().auditEvents() > 0) {
            LOG.info("retention: erased personal data of {} raw events and {} audit entries older than {}",
                    swept.get().rawEvents(), swept.get().auditEvents(), cutoff);
        }
        return swept.get();
    }

    @Override
    public synchronized RetentionTotals totals() {
        return new RetentionTotals(runs, skipped, rawErased, auditErased, lastRunAt, maxAge.toDays());
    }

    private RetentionRun.Swept sweep(Instant cutoff) {
        long raw = 0;
        int batch;
        do {
            batch = transactions.inTransaction(() -> eraseRawBatch(cutoff));
            raw += batch;
        } while (batch == batchSize);
        long audit = 0;
        do {
            batch = transactions.inTransaction(() -> eraseAuditBatch(cutoff));
            audit += batch;
        } while (batch == batchSize);
        return new RetentionRun.Swept(cutoff, raw, audit);
    }

    private int eraseRawBatch(Instant cutoff) {
        List<RawEvent> events = store.rawEventsReceivedBefore(cutoff, batchSize);
        Instant now = clock.instant();
        for (RawEvent event : events) {
            PayloadParser.Parsed parsed = parser.parse(event.body());
            Identifiers identifiers = PersonalDataPolicy.identifiersIn(parsed);
            Optional<String> pseudonym = identifiers.email().map(pseudonyms::of);
            Scrubber scrubber = identifiers.scrubber(pseudonym.orElse(Scrubber.ERASED));
            byte[] body = PersonalDataPolicy.erasedPayload(parsed, pseudonym, scrubber);
            store.rewriteRawEvent(event.id(), new ErasedEvent(body,
                    PersonalDataPolicy.erasedHeaders(event.headers(), scrubber), PayloadHash.sha256Hex(body), pseudonym,
                    scrubber.scrub(event.lastError()), now));
            for (StoredText text : store.textsOf(Set.of(event.id()))) {
                String scrubbed = scrubber.scrub(text.text());
                if (!scrubbed.equals(text.text())) {
                    store.rewriteText(text, scrubbed);
                }
            }
        }
        return events.size();
    }

    private int eraseAuditBatch(Instant cutoff) {
        List<AuditEvent> entries = store.auditRecordedBefore(cutoff, batchSize);
        Instant now = clock.instant();
        for (AuditEvent entry : entries) {
            Identifiers identifiers = PersonalDataPolicy.identifiersIn(entry.evidence());
            Optional<String> pseudonym = identifiers.email().map(pseudonyms::of);
            Scrubber scrubber = identifiers.scrubber(pseudonym.orElse(Scrubber.ERASED));
            store.rewriteAudit(entry.id(), scrubber.scrub(entry.summary()),
                    PersonalDataPolicy.erasedEvidence(entry.evidence(), pseudonym, scrubber), now);
        }
        return entries.size();
    }
}
