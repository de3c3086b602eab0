package dev.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database fails under a running server: its session is terminated ({@code pg_terminate_backend}) in the
 * middle of claiming a job and of completing one, and PostgreSQL restarts under load. The test decides the
 * moment by holding a row or table lock the server's statement must wait for, then terminates exactly the
 * session that waits. Nothing acknowledged is lost, and no lead is written to the CRM twice.
 */
class DatabaseChaosTest {
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /**
     * The statement that marks a worker's finished batch done (JdbiJobQueue.completeAll), as an {@code ilike}
     * pattern: {@code _} stands for each quote around {@code done}.
     */
    private static final String BATCH_COMPLETION = "update jobs j set status = _done_";

    @TempDir
    static Path temp;
    private static SharedPostgres postgres;
    private static ServerProcess server;
    private final Webhooks webhooks = new Webhooks();

    @BeforeAll
    static void startOneServerWithOneWorker() {
        postgres = SharedPostgres.start(temp.resolve("pg"));
        Map<String, String> env = new HashMap<>(postgres.serverEnvironment());
        // One worker: while it is held in a CRM call, nothing else claims, so the test knows which claim comes next.
        env.put("WORKER_THREADS", "1");
        env.put("JOB_LEASE_SECONDS", Long.toString(LEASE.toSeconds()));
        server = ServerProcess.start(temp.resolve("server"), env);
    }

    @AfterAll
    static void stopAll() {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aSessionTerminatedWhileClaimingAJobLeavesTheJobToBeClaimedAgain() throws Exception {
        String held;
        String claimed;
        try (Connection crm = postgres.connect(); Connection row = postgres.connect()) {
            crm.setAutoCommit(false);
            row.setAutoCommit(false);
            holdCrmAssociations(crm);
            held = deliver("terminate_claim_busy", "busy@terminate-claim.com");
            SharedPostgres.await("the only worker to be busy in a CRM call", PATIENCE,
                    () -> postgres.waitingOnLock("insert into sandbox_crm.contact_companies") == 1);
            claimed = deliver("terminate_claim", "claimed@terminate-claim.com");
            try (Statement statement = row.createStatement()) {
                // The claim of this event will wait for its row after taking the job: it is mid-claim.
                statement.execute("select 1 from raw_events where id = '" + claimed + "' for update");
            }
            crm.rollback();
            SharedPostgres.await("the worker to be mid-claim", PATIENCE,
                    () -> postgres.waitingOnLock("claimable as (") == 1);
            assertThat(terminateWaiting("claimable as (")).isEqualTo(1);
            row.rollback();
        }
        awaitDone(held);
        awaitDone(claimed);

        assertThat(attempts(claimed)).as("the terminated claim rolled back, so it used no attempt").isEqualTo(1);
        assertThat(crmContacts("claimed@terminate-claim.com")).isEqualTo(1);
        assertThat(pipelineRuns(claimed)).isEqualTo(1);
    }

    @Test
    void aSessionTerminatedWhileCompletingAJobLeavesOneCrmWriteSetAndNoSecondRun() throws Exception {
        String eventId;
        try (Connection crm = postgres.connect(); Connection row = postgres.connect()) {
            crm.setAutoCommit(false);
            row.setAutoCommit(false);
            holdCrmAssociations(crm);
            eventId = deliver("terminate_completion", "completed@terminate-completion.com");
            SharedPostgres.await("the worker to be in the CRM call", PATIENCE,
                    () -> postgres.waitingOnLock("insert into sandbox_crm.contact_companies") == 1);
            try (Statement statement = row.createStatement()) {
                // The job's completion will wait for this row lock: the pipeline is finished, its job not yet.
                statement.execute("select 1 from jobs where event_id = '" + eventId + "' for update");
            }
            crm.rollback();
            SharedPostgres.await("the worker to be completing the job", PATIENCE,
                    () -> postgres.waitingOnLock(BATCH_COMPLETION) == 1);
            assertThat(postgres.text("select status from raw_events where id = '" + eventId + "'")).isEqualTo("done");
            assertThat(terminateWaiting(BATCH_COMPLETION)).isEqualTo(1);
            row.rollback();
        }
        awaitDone(eventId);

        assertThat(attempts(eventId)).as("the lease ran out and the job was claimed again").isEqualTo(2);
        assertThat(crmContacts("completed@terminate-completion.com")).isEqualTo(1);
        assertThat(pipelineRuns(eventId)).as("the second claim found the event done and ran nothing").isEqualTo(1);
    }

    @Test
    void postgresRestartedUnderLoadLosesNoAcknowledgedEventAndWritesEachLeadOnce() throws Exception {
        int events = 200;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger senderAttempts = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String id = "restart_" + i;
                sent.add(senders.submit(() -> {
                    Webhooks.Ack ack = webhooks.deliver(server.uri("/"), id,
                            Webhooks.formLead(id, "restart" + id.substring(8) + "@restart-" + (id.hashCode() & 7)
                                    + ".com", "Restart"), PATIENCE);
                    senderAttempts.addAndGet(ack.attempts());
                    acknowledged.add(ack.eventId());
                }));
            }
            SharedPostgres.await("a third of the load to be acknowledged", PATIENCE, () -> acknowledged.size() >= events / 3);
            postgres.stop();
            postgres.startServer();
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            senders.shutdown();
        }
        SharedPostgres.await("every acknowledged event to be processed", PATIENCE, () -> postgres.count(
                "select count(*) from raw_events where source_event_id like 'restart\\_%' and status = 'done'") == events);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        long stored = postgres.count("select count(*) from raw_events where source_event_id like 'restart\\_%'");
        long lost = acknowledged.stream().filter(id -> postgres.count(
                "select count(*) from raw_events where id = '" + id + "'") == 0).count();
        long extraRuns = postgres.count("""
                select coalesce(sum(n - 1), 0) from (select count(*) n from audit_events a
                join raw_events e on e.id = a.correlation_id where e.source_event_id like 'restart\\_%'
                and a.kind = 'crm-written' and a.summary like '% CRM contact %' group by a.correlation_id) per_event""");
        long contacts = postgres.count("select count(*) from sandbox_crm.contacts where email like 'restart%'");
        System.out.printf(Locale.ROOT, "%n[postgres-restart] events=%d acknowledged=%d stored=%d lost=%d "
                        + "sender attempts=%d, CRM contacts=%d, extra pipeline runs=%d, all processed in %d s%n%n",
                events, acknowledged.size(), stored, lost, senderAttempts.get(), contacts, extraRuns, seconds);

        assertThat(acknowledged).hasSize(events);
        assertThat(lost).isZero();
        assertThat(stored).isEqualTo(events);
        assertThat(contacts).isEqualTo(events);
        assertThat(extraRuns).isZero();
    }

    private static void holdCrmAssociations(Connection crm) throws Exception {
        try (Statement statement = crm.createStatement()) {
            statement.execute("lock table sandbox_crm.contact_companies in share mode");
        }
    }

    private String deliver(String id, String email) {
        return webhooks.deliver(server.uri("/"), id, Webhooks.formLead(id, email, "Chaos"), PATIENCE).eventId();
    }

    private static long terminateWaiting(String fragment) {
        return postgres.count("select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity "
                + "where datname = '" + SharedPostgres.DATABASE + "' and wait_event_type = 'Lock' and query ilike '%"
                + fragment + "%'");
    }

    private static void awaitDone(String eventId) {
        SharedPostgres.await("job of event " + eventId + " to be done", PATIENCE, () -> "done".equals(
                postgres.text("select status from jobs where event_id = '" + eventId + "'")));
    }

    private static long attempts(String eventId) {
        return postgres.count("select attempts from jobs where event_id = '" + eventId + "'");
    }

    private static long crmContacts(String email) {
        return postgres.count("select count(*) from sandbox_crm.contacts where lower(email) = '" + email + "'");
    }

    /** How many times the pipeline wrote this event's contact to the CRM, read from its decision trace. */
    private static long pipelineRuns(String eventId) {
        return postgres.count("select count(*) from audit_events where correlation_id = '" + eventId
                + "' and kind = 'crm-written' and summary like '% CRM contact %'");
    }
}
