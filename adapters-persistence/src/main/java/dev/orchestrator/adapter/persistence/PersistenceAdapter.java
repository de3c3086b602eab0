package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.AlertLog;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.CompanyChoices;
import dev.orchestrator.application.port.out.JobLedger;
import dev.orchestrator.application.port.out.actions.ActionOutbox;
import dev.orchestrator.application.port.out.AuditPages;
import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.application.port.out.EventSearch;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.OperationsStats;
import dev.orchestrator.application.port.out.PersonalDataStore;
import dev.orchestrator.application.port.out.ReviewQueue;
import dev.orchestrator.application.port.out.SignalStore;
import dev.orchestrator.application.port.out.CompanyDirectory;
import dev.orchestrator.application.port.out.SingletonLock;
import dev.orchestrator.application.port.out.Transactions;
import dev.orchestrator.application.port.out.LifecycleLedger;
import dev.orchestrator.application.port.out.RotationStore;
import dev.orchestrator.application.port.out.WrittenFields;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** The persistence adapter's one public entry: migrates the schema and hands out the port implementations. */
public final class PersistenceAdapter {
    private final Jdbi jdbi;
    private final HandleContext db;
    private final EventStore events;
    private final JobQueue jobs;
    private final AuditLog audit;
    private final ContactDirectory contacts;
    private final ReviewQueue reviews;
    private final OperationsStats operations;
    private final EventSearch eventSearch;
    private final AuditPages auditPages;
    private final SignalStore signals;
    private final CompanyDirectory companies;
    private final PersonalDataStore personalData;
    private final SingletonLock singletonLock;
    private final Clock clock;
    private final IdentityIndex identityIndex;
    private final WrittenFields writtenFields;
    private final ActionOutbox actionOutbox;
    private final JobLedger jobLedger;
    private final AlertLog alertLog;

    private PersistenceAdapter(DataSource dataSource, Clock clock, IdGenerator ids) {
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        this.db = new HandleContext(jdbi);
        this.events = new JdbiEventStore(db, clock);
        this.jobs = new JdbiJobQueue(db);
        this.audit = new JdbiAuditLog(db);
        this.contacts = new JdbiContactDirectory(db);
        this.reviews = new JdbiReviewQueue(db, ids);
        this.operations = new JdbiOperationsStats(db);
        this.eventSearch = new JdbiEventSearch(db);
        this.auditPages = new JdbiAuditPages(db);
        this.signals = new JdbiSignalStore(db);
        this.companies = new JdbiCompanyDirectory(db);
        this.personalData = new JdbiPersonalDataStore(db);
        this.singletonLock = new PostgresSingletonLock(jdbi);
        this.clock = clock;
        this.identityIndex = new JdbiIdentityIndex(db);
        this.writtenFields = new JdbiWrittenFields(db);
        this.actionOutbox = new JdbiActionOutbox(db);
        this.jobLedger = new JdbiJobLedger(db);
        this.alertLog = new JdbiAlertLog(db);
    }

    public static PersistenceAdapter create(DataSource dataSource, Clock clock, IdGenerator ids) {
        migrate(dataSource);
        return new PersistenceAdapter(dataSource, clock, ids);
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Transactions transactions() {
        return db;
    }

    public EventStore events() {
        return events;
    }

    public JobQueue jobs() {
        return jobs;
    }

    public AuditLog audit() {
        return audit;
    }

    public ContactDirectory contacts() {
        return contacts;
    }

    public ReviewQueue reviews() {
        return reviews;
    }

    public OperationsStats operations() {
        return operations;
    }

    public EventSearch eventSearch() {
        return eventSearch;
    }

    public AuditPages auditPages() {
        return auditPages;
    }

    public SignalStore signals() {
        return signals;
    }

    public CompanyDirectory companies() {
        return companies;
    }

    /** Raw events, audit entries, review items and dead-letter errors, as the erasure and retention read them. */
    public PersonalDataStore personalData() {
        return personalData;
    }

    /** Work that must run on one instance at a time (the retention sweep). */
    public SingletonLock singletonLock() {
        return singletonLock;
    }

    /**
     * The database's pseudonym key: made from {@code fresh} by the first instance that asks, then the same for
     * every instance and every start, so a person forgotten twice gets one pseudonym.
     */
    public byte[] pseudonymKey(Supplier<byte[]> fresh) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("""
                            insert into privacy_keys (name, key, created_at) values ('pseudonym', :key, :at)
                            on conflict (name) do nothing""")
                    .bind("key", fresh.get())
                    .bind("at", Timestamp.from(clock.instant()))
                    .execute();
            return handle.createQuery("select key from privacy_keys where name = 'pseudonym'")
                    .mapTo(byte[].class).one();
        });
    }

    /** Lifecycle clocks, the stage/owner log, CRM webhook events handled and SLA breaches acted on. */
    public LifecycleLedger lifecycleLedger() {
        return new JdbiLifecycleLedger(db);
    }

    /** Round-robin cursors shared by every instance and kept across restarts. */
    public RotationStore rotationStore() {
        return new JdbiRotationStore(jdbi, clock);
    }

    /** What we last wrote into CRM fields, for the merge policy. */
    public WrittenFields writtenFields() {
        return writtenFields;
    }

    /** The identity index (PostgreSQL); its calls join a transaction opened through {@link #transactions()}. */
    public IdentityIndex identityIndex() {
        return identityIndex;
    }

    /** Action jobs (in the job queue) and their deliveries; enqueueing joins the caller's transaction. */
    public ActionOutbox actionOutbox() {
        return actionOutbox;
    }

    /** Failed attempts per job and error classes of dead jobs. */
    public JobLedger jobLedger() {
        return jobLedger;
    }

    /** Open operator alerts, shared by every instance. */
    public AlertLog alertLog() {
        return alertLog;
    }

    /** The CRM company chosen per event, each choice committed in a transaction of its own. */
    public CompanyChoices companyChoices() {
        return new JdbiCompanyChoices(jdbi);
    }
}
