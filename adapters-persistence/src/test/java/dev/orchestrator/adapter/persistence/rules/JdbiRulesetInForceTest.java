package dev.orchestrator.adapter.persistence.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.RulesetInForce;
import dev.orchestrator.application.port.out.RulesetInForce.InForce;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiRulesetInForceTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:15:30Z");
    private RulesetInForce store;

    @BeforeEach
    void setUp() {
        PersistenceAdapter persistence = PersistenceAdapter.create(TestDatabase.fresh(), MutableClock.at(T0.toString()),
                new SequentialIds());
        store = RulesPersistence.inForce(persistence.jdbi());
    }

    private static InForce inForce(String version, Optional<String> label, String base) {
        return new InForce("label: " + version + "\n", version, label, base, "admin", T0);
    }

    @Test
    void nothing_is_in_force_until_an_instance_puts_a_ruleset_there() {
        assertThat(store.current()).isEmpty();
    }

    @Test
    void the_ruleset_put_in_force_is_read_back_whole() {
        store.put(inForce("v1", Optional.of("2026-11 ICP v3"), "v1"));

        assertThat(store.current()).contains(inForce("v1", Optional.of("2026-11 ICP v3"), "v1"));
    }

    @Test
    void putting_another_replaces_it_and_a_missing_label_stays_missing() {
        store.put(inForce("v1", Optional.of("first"), "v1"));

        store.put(inForce("v2", Optional.empty(), "v1"));

        assertThat(store.current()).contains(inForce("v2", Optional.empty(), "v1"));
    }
}
