package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.LifecycleLedger;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.SlaClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Lifecycle clocks (kept by the V100 trigger on contacts), the stage/owner log, CRM events and SLA breaches. */
final class JdbiLifecycleLedger implements LifecycleLedger {
    private final HandleContext db;

    JdbiLifecycleLedger(HandleContext db) {
        this.db = db;
    }

    @Override
    public Optional<SlaClock> clock(UUID contactId) {
        return db.with(handle -> handle.createQuery("""
                        select stage, stage_entered_at, owner_id, owner_assigned_at, touched_at, touched_by
                        from lifecycle_clocks where contact_id = :id""")
                .bind("id", contactId)
                .map((rs, ctx) -> new SlaClock(LifecycleStage.fromKey(rs.getString("stage")),
                        rs.getTimestamp("stage_entered_at").toInstant(), Optional.ofNullable(rs.getString("owner_id")),
                        instant(rs.getTimestamp("owner_assigned_at")), instant(rs.getTimestamp("touched_at")),
                        Optional.ofNullable(rs.getString("touched_by"))))
                .findOne());
    }

    @Override
    public List<UUID> untouchedSince(LifecycleStage stage, Instant startedBefore, int limit) {
        return db.with(handle -> handle.createQuery("""
                        select contact_id from lifecycle_clocks
                        where stage = :stage and owner_id is not null
                          and greatest(stage_entered_at, coalesce(owner_assigned_at, stage_entered_at)) < :before
                          and (touched_at is null
                               or touched_at < greatest(stage_entered_at, coalesce(owner_assigned_at, stage_entered_at)))
                        order by greatest(stage_entered_at, coalesce(owner_assigned_at, stage_entered_at))
                        limit :limit""")
                .bind("stage", stage.key())
                .bind("before", Timestamp.from(startedBefore))
                .bind("limit", limit)
                .mapTo(UUID.class)
                .list());
    }

    @Override
    public void touch(UUID contactId, Instant at, String by, String kind) {
        db.use(handle -> handle.createUpdate("""
                        update lifecycle_clocks set touched_at = :at, touched_by = :by, touch_kind = :kind
                        where contact_id = :id and (touched_at is null or touched_at < :at)""")
                .bind("id", contactId)
                .bind("at", Timestamp.from(at))
                .bind("by", by)
                .bind("kind", kind)
                .execute());
    }

    @Override
    public List<UUID> contactsWithCrmId(CrmObjectId crmId) {
        return db.with(handle -> handle.createQuery("select id from contacts where crm_id = :crmId order by created_at")
                .bind("crmId", crmId.value())
                .mapTo(UUID.class)
                .list());
    }

    @Override
    public List<String> valuesSince(UUID contactId, String property, Instant since) {
        return db.with(handle -> handle.createQuery("""
                        select coalesce(value, '') from contact_state_log
                        where contact_id = :id and property = :property and at >= :since order by at desc""")
                .bind("id", contactId)
                .bind("property", property)
                .bind("since", Timestamp.from(since))
                .mapTo(String.class)
                .list());
    }

    @Override
    public Optional<Instant> lastChanged(UUID contactId, String property) {
        return db.with(handle -> handle.createQuery("""
                        select max(at) from contact_state_log where contact_id = :id and property = :property""")
                .bind("id", contactId)
                .bind("property", property)
                .mapTo(Timestamp.class)
                .findOne()
                .map(Timestamp::toInstant));
    }

    @Override
    public boolean claimCrmEvent(String source, String eventId, UUID rawEventId, String kind, String outcome,
            Instant at) {
        return db.with(handle -> handle.createUpdate("""
                        insert into crm_webhook_events (source, event_id, raw_event_id, kind, outcome, processed_at)
                        values (:source, :eventId, :raw, :kind, :outcome, :at) on conflict do nothing""")
                .bind("source", source)
                .bind("eventId", eventId)
                .bind("raw", rawEventId)
                .bind("kind", kind)
                .bind("outcome", outcome)
                .bind("at", Timestamp.from(at))
                .execute()) == 1;
    }

    @Override
    public Optional<UUID> crmEventHandledBy(String source, String eventId) {
        return db.with(handle -> handle.createQuery("""
                        select raw_event_id from crm_webhook_events where source = :source and event_id = :eventId""")
                .bind("source", source)
                .bind("eventId", eventId)
                .mapTo(UUID.class)
                .findOne());
    }

    @Override
    public boolean recordBreach(UUID contactId, String ruleId, Instant timerStartedAt, Optional<String> ownerBefore,
            Optional<String> ownerAfter, long elapsedMinutes, Instant at) {
        return db.with(handle -> handle.createUpdate("""
                        insert into sla_breaches (contact_id, rule_id, timer_started, owner_before, owner_after,
                            elapsed_minutes, breached_at)
                        values (:id, :rule, :started, :before, :after, :elapsed, :at) on conflict do nothing""")
                .bind("id", contactId)
                .bind("rule", ruleId)
                .bind("started", Timestamp.from(timerStartedAt))
                .bind("before", ownerBefore.orElse(null))
                .bind("after", ownerAfter.orElse(null))
                .bind("elapsed", (int) Math.min(Integer.MAX_VALUE, elapsedMinutes))
                .bind("at", Timestamp.from(at))
                .execute()) == 1;
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }
}
