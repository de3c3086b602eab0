package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.AuditPages;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiAuditPagesTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private final MutableClock clock = MutableClock.at("2026-01-05T12:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private PersistenceAdapter persistence;
    private AuditPages pages;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        pages = persistence.auditPages();
    }

    @Test
    void anEntitysEventsComeInAppendOrderAPageAtATime() {
        for (int i = 0; i < 5; i++) {
            append("c-1", "step " + i, Optional.empty());
        }
        append("c-2", "someone else", Optional.empty());

        List<AuditPages.Positioned> first = pages.byEntity("contact", "c-1", 0, 3);
        List<AuditPages.Positioned> second = pages.byEntity("contact", "c-1", first.get(2).position(), 3);

        assertThat(first).extracting(p -> p.event().summary()).containsExactly("step 0", "step 1", "step 2");
        assertThat(second).extracting(p -> p.event().summary()).containsExactly("step 3", "step 4");
    }

    @Test
    void ruleDecisionsAreTheEventsWithARuleIdNewestFirst() {
        append("c-1", "validated", Optional.empty());
        append("c-1", "became mql", Optional.of("mql-fit"));
        append("c-1", "routed", Optional.of("enterprise"));

        assertThat(pages.latestRuleDecisions("contact", "c-1", 10)).extracting(AuditEvent::summary)
                .containsExactly("routed", "became mql");
    }

    private void append(String contact, String summary, Optional<String> rule) {
        persistence.audit().append(new AuditEvent(ids.newId(), T0, AuditKind.TRANSITIONED, "contact",
                Optional.of(contact), UUID.randomUUID(), Actor.system("test"), summary, rule,
                rule.map(r -> "v1"), Map.of("to", "mql")));
    }
}
