package dev.orchestrator.adapter.persistence.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.ShadowStore;
import dev.orchestrator.application.port.out.ShadowStore.Attachment;
import dev.orchestrator.application.port.out.ShadowStore.Difference;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiShadowStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:15:30Z");
    private ShadowStore store;

    @BeforeEach
    void setUp() {
        PersistenceAdapter persistence = PersistenceAdapter.create(TestDatabase.fresh(), MutableClock.at(T0.toString()),
                new SequentialIds());
        store = RulesPersistence.shadowStore(persistence.jdbi());
    }

    private static Attachment attachment(String version) {
        return new Attachment("label: x\n", version, Optional.of("x"), "admin", T0);
    }

    private static Difference difference(UUID eventId, String shadowVersion) {
        return new Difference(T0, eventId, "contact-1", "active-v", shadowVersion, "lead", "mql", "owner-01",
                "owner-02", 30, 30, 20, 20, "mql-fit-and-intent", "active: no transition; shadow: lead -> mql");
    }

    @Test
    void nothing_is_in_shadow_until_a_ruleset_is_attached() {
        assertThat(store.attached()).isEmpty();
    }

    @Test
    void attaching_again_replaces_the_ruleset_in_shadow() {
        store.attach(attachment("v1"));
        store.attach(attachment("v2"));

        assertThat(store.attached()).contains(attachment("v2"));
    }

    @Test
    void detaching_leaves_nothing_in_shadow_but_keeps_the_differences() {
        store.attach(attachment("v1"));
        store.record(difference(UUID.randomUUID(), "v1"));

        store.detach();

        assertThat(store.attached()).isEmpty();
        assertThat(store.count("v1")).isEqualTo(1);
    }

    @Test
    void a_retried_event_records_its_difference_once() {
        UUID event = UUID.randomUUID();

        store.record(difference(event, "v1"));
        store.record(difference(event, "v1"));

        assertThat(store.count("v1")).isEqualTo(1);
        assertThat(store.recent("v1", 10)).containsExactly(difference(event, "v1"));
    }

    @Test
    void differences_are_listed_newest_first_per_shadow_version() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        store.record(difference(first, "v1"));
        store.record(difference(second, "v1"));
        store.record(difference(UUID.randomUUID(), "v2"));

        assertThat(store.recent("v1", 10)).extracting(Difference::eventId).containsExactly(second, first);
    }
}
