package dev.orchestrator.adapter.persistence.audit;

import dev.orchestrator.application.port.in.audit.BackfillItem;
import dev.orchestrator.application.port.in.audit.BackfillJob;
import dev.orchestrator.application.port.in.audit.FixKind;
import dev.orchestrator.application.port.in.audit.ItemStatus;
import dev.orchestrator.application.port.in.audit.JobStatus;
import dev.orchestrator.application.port.out.BackfillJobStore;
import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.application.port.out.crm.RecordType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Backfill jobs in {@code crm_backfill_jobs}/{@code crm_backfill_items}; an item's update is one statement. */
final class JdbiBackfillJobStore implements BackfillJobStore {
    private static final String JOB = """
            select j.id, j.crm, j.created_at, j.created_by, j.status, j.requests,
                (select count(*) from crm_backfill_items i where i.job_id = j.id) as items,
                (select count(*) from crm_backfill_items i where i.job_id = j.id and i.status in ('DONE', 'UNDONE')) as done
            from crm_backfill_jobs j""";

    private final Jdbi jdbi;

    JdbiBackfillJobStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(BackfillJob job, List<BackfillItem> items) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into crm_backfill_jobs (id, crm, created_at, created_by, status, requests)
                            values (:id, :crm, :at, :by, :status, 0)""")
                    .bind("id", job.id()).bind("crm", job.crm()).bind("at", Timestamp.from(job.createdAt()))
                    .bind("by", job.createdBy()).bind("status", job.status().name()).execute();
            PreparedBatch batch = h.prepareBatch("""
                    insert into crm_backfill_items (job_id, seq, kind, record_type, record_id, field, before, after,
                        merge_ids, status, reason, note)
                    values (:job, :seq, :kind, :type, :record, :field, :before, :after, :merge, :status, :reason, :note)""");
            for (BackfillItem item : items) {
                batch.bind("job", item.jobId()).bind("seq", item.seq()).bind("kind", item.kind().name())
                        .bind("type", item.recordType().name()).bind("record", item.recordId())
                        .bind("field", item.field().map(RecordField::name).orElse(null))
                        .bind("before", item.before()).bind("after", item.after())
                        .bind("merge", item.mergeIds().toArray(new String[0])).bind("status", item.status().name())
                        .bind("reason", item.reason()).bind("note", item.note()).add();
            }
            if (!items.isEmpty()) {
                batch.execute();
            }
        });
    }

    @Override
    public Optional<BackfillJob> job(UUID id) {
        return jdbi.withHandle(h -> h.createQuery(JOB + " where j.id = :id").bind("id", id)
                .map((rs, ctx) -> job(rs)).findOne());
    }

    @Override
    public Optional<BackfillJob> latest() {
        return jdbi.withHandle(h -> h.createQuery(JOB + " order by j.created_at desc, j.id limit 1")
                .map((rs, ctx) -> job(rs)).findOne());
    }

    @Override
    public List<BackfillItem> items(UUID jobId) {
        return jdbi.withHandle(h -> h.createQuery("select * from crm_backfill_items where job_id = :job order by seq")
                .bind("job", jobId).map((rs, ctx) -> item(rs)).list());
    }

    @Override
    public void update(BackfillItem item, long requests) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            update crm_backfill_items set status = :status, before = :before, note = :note
                            where job_id = :job and seq = :seq""")
                    .bind("status", item.status().name()).bind("before", item.before()).bind("note", item.note())
                    .bind("job", item.jobId()).bind("seq", item.seq()).execute();
            if (requests > 0) {
                h.createUpdate("update crm_backfill_jobs set requests = requests + :n where id = :job")
                        .bind("n", requests).bind("job", item.jobId()).execute();
            }
        });
    }

    @Override
    public void status(UUID jobId, JobStatus status) {
        jdbi.useHandle(h -> h.createUpdate("update crm_backfill_jobs set status = :status where id = :id")
                .bind("status", status.name()).bind("id", jobId).execute());
    }

    @Override
    public long requestsOn(String crm, LocalDate day) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select coalesce(sum(requests), 0) from crm_backfill_requests where crm = :crm and day = :day")
                .bind("crm", crm).bind("day", day).mapTo(Long.class).one());
    }

    @Override
    public void countRequests(String crm, LocalDate day, long requests) {
        if (requests == 0) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into crm_backfill_requests (crm, day, requests) values (:crm, :day, :n)
                        on conflict (crm, day) do update set requests = crm_backfill_requests.requests + excluded.requests""")
                .bind("crm", crm).bind("day", day).bind("n", requests).execute());
    }

    private static BackfillJob job(ResultSet rs) throws SQLException {
        return new BackfillJob(rs.getObject("id", UUID.class), rs.getString("crm"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                JobStatus.valueOf(rs.getString("status")), rs.getInt("items"), rs.getInt("done"),
                rs.getLong("requests"));
    }

    private static BackfillItem item(ResultSet rs) throws SQLException {
        Array merge = rs.getArray("merge_ids");
        String field = rs.getString("field");
        return new BackfillItem(rs.getObject("job_id", UUID.class), rs.getInt("seq"),
                FixKind.valueOf(rs.getString("kind")), RecordType.valueOf(rs.getString("record_type").toUpperCase(
                        Locale.ROOT)), rs.getString("record_id"),
                Optional.ofNullable(field).map(RecordField::valueOf), rs.getString("before"), rs.getString("after"),
                Arrays.asList((String[]) merge.getArray()), ItemStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), rs.getString("note"));
    }
}
