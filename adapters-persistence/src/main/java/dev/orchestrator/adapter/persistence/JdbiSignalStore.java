package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.SignalStore;
import dev.orchestrator.domain.crm.EmailAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class JdbiSignalStore implements SignalStore {
    private final HandleContext db;

    JdbiSignalStore(HandleContext db) {
        this.db = db;
    }

    @Override
    public void record(UUID eventId, EmailAddress email, String type, Instant occurredAt, Optional<String> url) {
        db.write("""
                        insert into signals (email, type, occurred_at, url, event_id)
                        values (:email, :type, :at, :url, :eventId) on conflict (event_id, type) do nothing""",
                update -> update.bind("email", email.value())
                        .bind("type", type)
                        .bind("at", Timestamp.from(occurredAt))
                        .bind("url", url.map(Text::safe).orElse(null))
                        .bind("eventId", eventId));
    }

    @Override
    public void recordAll(List<NewSignal> signals) {
        if (signals.size() <= 1) {
            signals.forEach(s -> record(s.eventId(), s.email(), s.type(), s.occurredAt(), s.url()));
            return;
        }
        db.write("""
                        insert into signals (email, type, occurred_at, url, event_id)
                        select * from unnest(:emails::text[], :types::text[], :ats::timestamptz[], :urls::text[],
                            :eventIds::uuid[])
                        on conflict (event_id, type) do nothing""",
                insert -> insert.bindArray("emails", Slices.column(signals, s -> s.email().value()))
                        .bindArray("types", Slices.column(signals, NewSignal::type))
                        .bindArray("ats", Slices.column(signals, s -> Timestamps.text(s.occurredAt())))
                        .bindArray("urls", Slices.column(signals, s -> s.url().map(Text::safe).orElse(null)))
                        .bindArray("eventIds", Slices.column(signals, s -> s.eventId().toString())));
    }


    @Override
    public List<StoredSignal> since(EmailAddress email, Instant since) {
        return db.with(handle -> handle.createQuery("""
                        select type, occurred_at, url from signals where email = :email and occurred_at >= :since
                        order by occurred_at desc""")
                .bind("email", email.value())
                .bind("since", Timestamp.from(since))
                .map((rs, ctx) -> new StoredSignal(rs.getString("type"), rs.getTimestamp("occurred_at").toInstant(),
                        Optional.ofNullable(rs.getString("url"))))
                .list());
    }
}
