package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ProcessEventCommand;
import dev.orchestrator.application.port.in.ProcessEventUseCase;
import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's batch through the pipeline, one event after another as before, with the leads' final writes kept and
 * committed together: one statement per table for the wave instead of a statement list per lead (#11).
 *
 * <p>An event that would read what a waiting lead writes (same e-mail, same company domain, a shared identity key:
 * {@link WaveKeys}) first has the wave committed, so it sees those writes as it would have one lead at a time.
 * Whatever else happens in between (CRM calls, the company choice, routing turns, other kinds of events' writes)
 * is written at once, as before. If the wave's transaction fails, its leads are written one by one, so one bad lead
 * never takes the others with it; a lead whose own write fails is answered by {@link #commit}, and its outcome did
 * not happen.
 *
 * <p>A wave is also committed before a lead reads once its oldest waiting lead has waited {@link #LONGEST_WAIT}:
 * with a remote CRM a lead takes a second or more, and a worker's batch would otherwise keep the first lead's
 * outcome uncommitted (unseen by the admin pages, redone after a crash) for as long as the whole batch takes.
 */
final class LeadWave implements ProcessEventUseCase.Wave, StoredEventPipeline.Wave, FinalWrites {
    private static final Logger LOG = LoggerFactory.getLogger(LeadWave.class);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final ProcessEventService pipeline;
    private final Transactions transactions;
    private final Consumer<List<LeadWrites>> writer;
    private final List<LeadWrites> waiting = new ArrayList<>();
    private final Set<String> waitingKeys = new HashSet<>();
    private final Map<UUID, RuntimeException> failed = new LinkedHashMap<>();
    private final Clock clock;
    /** When the first of the waiting leads was kept; null while none waits. */
    private Instant oldestWaiting;

    /** {@code writer} writes leads' final writes inside the transaction it is called in. */
    LeadWave(ProcessEventService pipeline, Transactions transactions, Consumer<List<LeadWrites>> writer,
            Clock clock) {
        this.pipeline = pipeline;
        this.transactions = transactions;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public ProcessOutcome process(ProcessEventCommand command) {
        return pipeline.run(pipeline.read(command), this);
    }

    @Override
    public ProcessOutcome process(RawEvent raw) {
        return pipeline.run(raw, this);
    }

    @Override
    public void beforeReading(Supplier<Set<String>> keys) {
        if (waiting.isEmpty()) {
            return;
        }
        if (!clock.instant().isBefore(oldestWaiting.plus(LONGEST_WAIT))) {
            flush();
            return;
        }
        for (String key : keys.get()) {
            if (waitingKeys.contains(key)) {
                flush();
                return;
            }
        }
    }

    @Override
    public void write(LeadWrites lead) {
        if (waiting.isEmpty()) {
            oldestWaiting = clock.instant();
        }
        waiting.add(lead);
        waitingKeys.addAll(WaveKeys.written(lead));
    }

    @Override
    public void flush() {
        if (waiting.isEmpty()) {
            return;
        }
        List<LeadWrites> wave = List.copyOf(waiting);
        waiting.clear();
        waitingKeys.clear();
        oldestWaiting = null;
        try {
            inTransaction(wave);
        } catch (RuntimeException together) {
            if (wave.size() > 1) {
                LOG.warn("a wave of {} leads' writes failed together ({}); writing them one by one", wave.size(),
                        together.toString());
                wave.forEach(this::alone);
            } else {
                failed.put(wave.get(0).eventId(), together);
            }
        }
    }

    @Override
    public Map<UUID, RuntimeException> commit() {
        flush();
        Map<UUID, RuntimeException> answer = Map.copyOf(failed);
        failed.clear();
        return answer;
    }

    private void alone(LeadWrites lead) {
        try {
            inTransaction(List.of(lead));
        } catch (RuntimeException e) {
            failed.put(lead.eventId(), e);
        }
    }

    private void inTransaction(List<LeadWrites> leads) {
        transactions.inRetryableTransaction(() -> {
            writer.accept(leads);
            return null;
        });
    }
}
