package dev.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a server in the middle of work, against a PostgreSQL the test owns (so the database outlives
 * the server). Where in its work the server dies is decided by the test holding a table lock the server must
 * wait for: the CRM call (the sandbox CRM's tables) or the acknowledgement's transaction. No hook in the product.
 */
class KillMidJobTest {
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    static Path temp;
    private static SharedPostgres postgres;
    private final Webhooks webhooks = new Webhooks();

    @BeforeAll
    static void startPostgres() {
        postgres = SharedPostgres.start(temp.resolve("pg"));
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void aServerKilledMidCrmCallLeavesItsJobToBeClaimedAfterTheLeaseAndTheLeadEndsAsOneContactWithOneCompanyLink()
            throws Exception {
        String email = "killed@kill-mid-call.com";
        String eventId;
        long contactsBefore;
        try (Connection blocker = postgres.connect()) {
            blocker.setAutoCommit(false);
            ServerProcess first = ServerProcess.start(temp.resolve("a"), environment());
            try (Statement statement = blocker.createStatement()) {
                // The CRM answers no association until the test lets it: the server is now mid-CRM-call.
                statement.execute("lock table sandbox_crm.contact_companies in share mode");
            }
            eventId = webhooks.deliver(first.uri("/"), "msg_kill_mid_call", Webhooks.formLead("msg_kill_mid_call",
                    email, "Kill Mid Call"), PATIENCE).eventId();
            SharedPostgres.await("the worker to block in the CRM association call", PATIENCE,
                    () -> postgres.waitingOnLock("insert into sandbox_crm.contact_companies") == 1);
            assertThat(crmContacts(email)).as("the contact was written before the kill").isEqualTo(1);
            assertThat(jobStatus(eventId)).isEqualTo("running");
            contactsBefore = postgres.count("select count(*) from sandbox_crm.contacts");

            first.kill9();
            blocker.rollback();
        }
        String leaseEnd = postgres.text("select locked_until::text from jobs where event_id = '" + eventId + "'");

        try (ServerProcess second = ServerProcess.start(temp.resolve("b"), environment())) {
            SharedPostgres.await("the killed job to be claimed again and finished", PATIENCE,
                    () -> "done".equals(jobStatus(eventId)));
            assertThat(postgres.count("select attempts from jobs where event_id = '" + eventId + "'"))
                    .as("claimed by the killed server, then once more").isEqualTo(2);
            assertThat(postgres.count("select count(*) from jobs where event_id = '" + eventId
                    + "' and updated_at >= '" + leaseEnd + "'::timestamptz")).as("finished after the lease ran out")
                    .isEqualTo(1);
        }
        assertThat(crmContacts(email)).isEqualTo(1);
        assertThat(postgres.count("select count(*) from sandbox_crm.contacts")).isEqualTo(contactsBefore);
        assertThat(postgres.count("select count(*) from sandbox_crm.companies where lower(domain) = 'kill-mid-call.com'"))
                .isEqualTo(1);
        assertThat(postgres.count("""
                select count(*) from sandbox_crm.contact_companies l
                join sandbox_crm.contacts c on c.id = l.contact_id join sandbox_crm.companies co on co.id = l.company_id
                where lower(c.email) = 'killed@kill-mid-call.com' and co.domain = 'kill-mid-call.com'""")).isEqualTo(1);
        assertThat(postgres.count("select count(*) from raw_events where status = 'done' and id = '" + eventId + "'"))
                .isEqualTo(1);
    }

    @Test
    void aDeliveryWhoseServerIsKilledBetweenTheInsertAndTheAcknowledgementIsStoredOnceWhenTheSenderRetries()
            throws Exception {
        String id = "msg_kill_before_ack";
        byte[] body = Webhooks.formLead(id, "unacked@kill-before-ack.com", "Kill Before Ack");
        CompletableFuture<HttpResponse<String>> unanswered;
        try (Connection blocker = postgres.connect()) {
            blocker.setAutoCommit(false);
            ServerProcess first = ServerProcess.start(temp.resolve("c"), environment());
            try (Statement statement = blocker.createStatement()) {
                // The statement that stores the raw event and its job waits for this lock: the server is killed
                // while its store is in flight, before any answer.
                statement.execute("lock table jobs in exclusive mode");
            }
            unanswered = CompletableFuture.supplyAsync(() -> {
                try {
                    return webhooks.post(first.uri("/"), id, body);
                } catch (Exception e) {
                    return null;
                }
            });
            SharedPostgres.await("the store of the delivery to wait for the lock", PATIENCE,
                    () -> postgres.waitingOnLock("insert into jobs") == 1);
            first.kill9();
            blocker.rollback();
        }
        assertThat(unanswered.get()).as("the sender saw no answer").isNull();

        try (ServerProcess second = ServerProcess.start(temp.resolve("d"), environment())) {
            Webhooks.Ack retried = webhooks.deliver(second.uri("/"), id, body, PATIENCE);
            Webhooks.Ack again = webhooks.deliver(second.uri("/"), id, body, PATIENCE);

            // The store is one statement and commits on its own: once the lock is gone, the statement the killed
            // server sent may still complete (its Sync was already in PostgreSQL's buffer), and then the retry is
            // answered with that event. Either way the event and its job exist once, never half.
            assertThat(again.duplicate()).isTrue();
            assertThat(again.eventId()).isEqualTo(retried.eventId());
            SharedPostgres.await("the retried delivery to be processed", PATIENCE,
                    () -> "done".equals(jobStatus(retried.eventId())));
        }
        assertThat(postgres.count("select count(*) from raw_events where source_event_id = '" + id + "'")).isEqualTo(1);
        assertThat(postgres.count("select count(*) from jobs j join raw_events e on e.id = j.event_id "
                + "where e.source_event_id = '" + id + "'")).isEqualTo(1);
        assertThat(crmContacts("unacked@kill-before-ack.com")).isEqualTo(1);
    }

    @Test
    void oneOfTwoServersKilledUnderLoadAndRestartedLosesNoEventAndWritesEachLeadOnce() throws Exception {
        int events = 300;
        // Unrelated names: each lead's company is its own domain's, however the account matcher weighs names.
        List<String> companies = Webhooks.companyNames(16);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        // Senders read the array at every attempt: the restarted server listens on a new port.
        ServerProcess[] servers = {ServerProcess.start(temp.resolve("e"), environment()),
                ServerProcess.start(temp.resolve("f"), environment())};
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String id = "underload_" + i;
                int target = i % 2;
                sent.add(senders.submit(() -> acknowledged.add(webhooks.deliver(() -> servers[target].uri("/"), id,
                        Webhooks.formLead(id, id + "@" + companies.get(target * 8 + (id.hashCode() & 7)) + ".com",
                                companies.get(target * 8 + (id.hashCode() & 7))),
                        PATIENCE).eventId())));
            }
            SharedPostgres.await("a third of the load to be processed", PATIENCE, () -> postgres.count(
                    "select count(*) from raw_events where source_event_id like 'underload\\_%' and status = 'done'")
                    >= events / 3);
            servers[0].kill9();
            servers[0] = ServerProcess.start(temp.resolve("e"), environment());
            for (Future<?> future : sent) {
                future.get();
            }
            SharedPostgres.await("every acknowledged event to be processed", PATIENCE, () -> postgres.count(
                    "select count(*) from raw_events where source_event_id like 'underload\\_%' and status = 'done'")
                    == events);
        } finally {
            senders.shutdown();
            for (ServerProcess server : servers) {
                server.close();
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        long lost = acknowledged.stream().filter(id -> postgres.count(
                "select count(*) from raw_events where status = 'done' and id = '" + id + "'") == 0).count();
        long reclaimed = postgres.count("select count(*) from jobs j join raw_events e on e.id = j.event_id "
                + "where e.source_event_id like 'underload\\_%' and j.attempts > 1");
        long extraRuns = postgres.count("""
                select coalesce(sum(n - 1), 0) from (select count(*) n from audit_events a
                join raw_events e on e.id = a.correlation_id where e.source_event_id like 'underload\\_%'
                and a.kind = 'crm-written' and a.summary like '% CRM contact %' group by a.correlation_id) per_event""");
        long contacts = postgres.count("select count(*) from sandbox_crm.contacts where email like 'underload%'");
        long links = postgres.count("select count(*) from sandbox_crm.contact_companies l join sandbox_crm.contacts c "
                + "on c.id = l.contact_id join sandbox_crm.companies co on co.id = l.company_id "
                + "where c.email like 'underload%' and lower(co.domain) = split_part(lower(c.email), '@', 2)");
        long otherLinks = postgres.count("select count(*) from sandbox_crm.contact_companies l join sandbox_crm.contacts c "
                + "on c.id = l.contact_id where c.email like 'underload%'") - links;
        System.out.printf(Locale.ROOT, "%n[kill-under-load] 2 servers, one killed (-9) and restarted: events=%d "
                        + "acknowledged=%d lost=%d, jobs claimed again after the kill=%d, extra pipeline runs=%d, "
                        + "CRM contacts=%d, links to the lead's company=%d, other company links=%d, all processed in %d s%n%n",
                events, acknowledged.size(), lost, reclaimed, extraRuns, contacts, links, otherLinks, seconds);

        assertThat(acknowledged).hasSize(events);
        assertThat(lost).isZero();
        assertThat(extraRuns).isZero();
        assertThat(contacts).isEqualTo(events);
        assertThat(links).isEqualTo(events);
        assertThat(otherLinks).isZero();
    }

    @Test
    void aLeadReRunAfterAKillStaysLinkedToTheOneCompanyItsFirstRunChose() throws Exception {
        ServerProcess server = ServerProcess.start(temp.resolve("g"), environment());
        String known = webhooks.deliver(server.uri("/"), "msg_account", Webhooks.formLead("msg_account",
                "first@decided-1.com", "Decided Once"), PATIENCE).eventId();
        SharedPostgres.await("the account to be known", PATIENCE, () -> "done".equals(jobStatus(known)));
        String eventId;
        try (Connection blocker = postgres.connect()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                // The pipeline's own record is written last: holding it means the CRM writes are done, ours not.
                statement.execute("lock table contacts in exclusive mode");
            }
            eventId = webhooks.deliver(server.uri("/"), "msg_decided", Webhooks.formLead("msg_decided",
                    "second@decided-2.com", "Decided Once"), PATIENCE).eventId();
            SharedPostgres.await("the CRM writes to be done and the pipeline's record to wait", PATIENCE,
                    () -> postgres.waitingOnLock("insert into contacts") == 1);
            server.kill9();
            blocker.rollback();
        }
        // Meanwhile someone creates the company of the lead's own domain in the CRM.
        postgres.execute("insert into sandbox_crm.companies (name, domain, createdate, lastmodifieddate) "
                + "values ('Decided Two', 'decided-2.com', now(), now())");
        try (ServerProcess restarted = ServerProcess.start(temp.resolve("h"), environment())) {
            SharedPostgres.await("the lead to be re-run", PATIENCE, () -> "done".equals(jobStatus(eventId)));
        }
        assertThat(postgres.count("select count(*) from sandbox_crm.contact_companies l join sandbox_crm.contacts c "
                + "on c.id = l.contact_id where c.email = 'second@decided-2.com'")).isEqualTo(1);
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(postgres.serverEnvironment());
        env.put("JOB_LEASE_SECONDS", Long.toString(LEASE.toSeconds()));
        return env;
    }

    private static long crmContacts(String email) {
        return postgres.count("select count(*) from sandbox_crm.contacts where lower(email) = '" + email + "'");
    }

    private static String jobStatus(String eventId) {
        return postgres.text("select status from jobs where event_id = '" + eventId + "'");
    }
}
