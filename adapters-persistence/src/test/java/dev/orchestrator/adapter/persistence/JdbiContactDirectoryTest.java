package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.application.port.out.LifecycleLedger;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.rules.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiContactDirectoryTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:15:30Z");
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final SequentialIds ids = new SequentialIds();
    private PersistenceAdapter persistence;
    private ContactDirectory contacts;
    private LifecycleLedger ledger;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        contacts = persistence.contacts();
        ledger = persistence.lifecycleLedger();
    }

    @Test
    void saveAllWritesEveryContactAsSaveWouldKeepingTheOrderOfItsFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("zeta", "1");
        facts.put("alpha", "2");
        facts.put("mid", "3");
        Contact full = new Contact(ids.newId(), EmailAddress.parse("ada@acme.com"), PersonName.of("Ada", "Lovelace"),
                Optional.of("Acme"), Optional.of("acme.com"), Optional.of("+15550000001"),
                Optional.of(new CrmObjectId("crm-1")), LifecycleStage.MQL, Optional.of("owner-01"), 40, 7, facts, T0,
                T0.plusSeconds(60));
        Contact bare = contact("bob@acme.com", LifecycleStage.LEAD, Optional.empty(), T0);
        Contact oneFact = new Contact(ids.newId(), EmailAddress.parse("cy@acme.com"), PersonName.of("Cy", null),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), LifecycleStage.SQL,
                Optional.of("owner-02"), 0, 0, Map.of("source", "webinar"), T0, T0);

        contacts.saveAll(List.of(full, bare, oneFact));

        assertThat(contacts.findById(full.id())).contains(full);
        assertThat(contacts.findById(full.id()).orElseThrow().facts().keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(contacts.findById(bare.id())).contains(bare);
        assertThat(contacts.findById(oneFact.id())).contains(oneFact);
    }

    @Test
    void saveAllOfAContactAlreadyStoredUpdatesIt() {
        Contact stored = contact("ada@acme.com", LifecycleStage.LEAD, Optional.empty(), T0);
        contacts.save(stored);
        Contact changed = stored.withDetails(PersonName.of("Ada", "King"), Optional.of("Acme"), Optional.empty(),
                        Optional.empty(), Map.of("plan", "pro"), T0.plusSeconds(60))
                .withDecision(LifecycleStage.MQL, Optional.of("owner-01"), 30, 5, T0.plusSeconds(60));
        Contact fresh = contact("bob@acme.com", LifecycleStage.LEAD, Optional.empty(), T0);

        contacts.saveAll(List.of(changed, fresh));

        assertThat(contacts.findById(stored.id())).contains(changed);
        assertThat(contacts.findById(fresh.id())).contains(fresh);
    }

    @Test
    void saveAllWithTheSameIdTwiceKeepsTheLast() {
        Contact first = contact("ada@acme.com", LifecycleStage.LEAD, Optional.empty(), T0);
        Contact other = contact("bob@acme.com", LifecycleStage.LEAD, Optional.empty(), T0);
        Contact last = first.withDecision(LifecycleStage.SQL, Optional.of("owner-01"), 50, 9, T0.plusSeconds(60));

        contacts.saveAll(List.of(first, other, last));

        assertThat(contacts.findById(first.id())).contains(last);
        assertThat(contacts.findById(other.id())).contains(other);
    }

    @Test
    void saveAllMovesTheLifecycleClocksOfEachContactAsSaveWould() {
        Contact moved = contact("ada@acme.com", LifecycleStage.MQL, Optional.of("owner-01"), T0);
        Contact kept = contact("bob@acme.com", LifecycleStage.MQL, Optional.of("owner-01"), T0);
        contacts.saveAll(List.of(moved, kept));
        Instant later = T0.plus(Duration.ofHours(3));
        Contact fresh = contact("cy@acme.com", LifecycleStage.LEAD, Optional.empty(), later);

        contacts.saveAll(List.of(moved.withDecision(LifecycleStage.SQL, Optional.of("owner-02"), 0, 0, later),
                kept.withDecision(LifecycleStage.MQL, Optional.of("owner-01"), 10, 0, later), fresh));

        assertThat(ledger.clock(moved.id())).contains(new SlaClock(LifecycleStage.SQL, later,
                Optional.of("owner-02"), Optional.of(later), Optional.empty(), Optional.empty()));
        assertThat(ledger.valuesSince(moved.id(), "stage", T0)).containsExactly("sql", "mql");
        assertThat(ledger.clock(kept.id())).contains(new SlaClock(LifecycleStage.MQL, T0,
                Optional.of("owner-01"), Optional.of(T0), Optional.empty(), Optional.empty()));
        assertThat(ledger.valuesSince(kept.id(), "owner", T0)).containsExactly("owner-01");
        assertThat(ledger.clock(fresh.id())).contains(new SlaClock(LifecycleStage.LEAD, later,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void saveAllWithTheSameIdTwiceRecordsEachStageAndOwnerItTookAsTwoSavesWould() {
        Contact stored = contact("ada@acme.com", LifecycleStage.LEAD, Optional.empty(), T0);
        contacts.save(stored);
        Instant t1 = T0.plus(Duration.ofHours(1));
        Instant t2 = T0.plus(Duration.ofHours(2));

        contacts.saveAll(List.of(stored.withDecision(LifecycleStage.MQL, Optional.of("owner-01"), 0, 0, t1),
                stored.withDecision(LifecycleStage.MQL, Optional.of("owner-02"), 0, 0, t2)));

        assertThat(ledger.clock(stored.id()).orElseThrow().stageEnteredAt()).isEqualTo(t1);
        assertThat(ledger.valuesSince(stored.id(), "owner", T0)).containsExactly("owner-02", "owner-01");
    }

    @Test
    void saveAllRunsOneStatementOfOneTextForAnyNumberOfContactsAndOneMorePerRepeatedId() {
        List<String> statements = new ArrayList<>();
        persistence.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
        Contact ada = contact("ada@acme.com", LifecycleStage.LEAD, Optional.empty(), T0);
        Contact bob = contact("bob@acme.com", LifecycleStage.LEAD, Optional.empty(), T0);

        contacts.saveAll(List.of(ada, bob, contact("cy@acme.com", LifecycleStage.LEAD, Optional.empty(), T0)));
        contacts.saveAll(List.of(ada, bob, ada));

        assertThat(statements).hasSize(3).containsOnly(statements.get(0));
    }

    @Test
    void saveAllOfNoContactsWritesNothing() {
        contacts.saveAll(List.of());

        int stored = persistence.jdbi().withHandle(h -> h.createQuery("select count(*) from contacts")
                .mapTo(Integer.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void saveAllStoresANulInANameCompanyOrFactAsSaveDoes() {
        Contact single = nul("ada@acme.com");
        Contact first = nul("bob@acme.com");
        Contact second = nul("cy@acme.com");

        contacts.save(single);
        contacts.saveAll(List.of(first, second));

        Contact saved = contacts.findById(single.id()).orElseThrow();
        assertThat(saved.name().first()).contains("A\\u0000da");
        assertThat(contacts.findById(first.id()).orElseThrow()).usingRecursiveComparison()
                .ignoringFields("id", "email").isEqualTo(saved);
        assertThat(contacts.findById(second.id()).orElseThrow()).usingRecursiveComparison()
                .ignoringFields("id", "email").isEqualTo(saved);
    }

    @Test
    void saveAllStoresTimesToTheMicrosecondAsSaveDoes() {
        List<Instant> times = List.of(T0.plusNanos(123_456_499), T0.plusNanos(123_456_500),
                T0.plusNanos(123_457_500), T0.plusNanos(999_999_500), T0.plusNanos(1));
        List<Contact> single = new ArrayList<>();
        List<Contact> many = new ArrayList<>();
        for (Instant at : times) {
            single.add(contact("s" + single.size() + "@acme.com", LifecycleStage.LEAD, Optional.empty(), at));
            many.add(contact("m" + many.size() + "@acme.com", LifecycleStage.LEAD, Optional.empty(), at));
        }

        single.forEach(contacts::save);
        contacts.saveAll(many);

        for (int i = 0; i < times.size(); i++) {
            Contact one = contacts.findById(single.get(i).id()).orElseThrow();
            Contact all = contacts.findById(many.get(i).id()).orElseThrow();
            assertThat(all.updatedAt()).as("updated at %s", times.get(i)).isEqualTo(one.updatedAt());
            assertThat(all.createdAt()).as("created at %s", times.get(i)).isEqualTo(one.createdAt());
        }
    }

    private Contact nul(String email) {
        return new Contact(ids.newId(), EmailAddress.parse(email), PersonName.of("A\0da", "Love\0lace"),
                Optional.of("Ac\0me"), Optional.empty(), Optional.empty(), Optional.empty(), LifecycleStage.LEAD,
                Optional.empty(), 0, 0, Map.of("note", "x\0y"), T0, T0);
    }

    private Contact contact(String email, LifecycleStage stage, Optional<String> owner, Instant at) {
        return new Contact(ids.newId(), EmailAddress.parse(email), PersonName.of("A", "B"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), stage, owner, 0, 0, Map.of(), at, at);
    }
}
