package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A decision's audit rows are appended together and read back exactly as they were appended, in order. */
class JdbiAuditLogTest {
    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private final AuditLog audit = PersistenceAdapter.create(TestDatabase.fresh(),
            MutableClock.at("2026-01-05T10:15:30Z"), new SequentialIds()).audit();

    @Test
    void rowsAppendedTogetherReadBackInTheirOrderWithEveryField() {
        List<AuditEvent> decision = List.of(
                entry(1, AuditKind.NORMALIZED, Optional.empty(), Optional.empty(), ordered("fieldMap", "form@1a2b")),
                entry(2, AuditKind.SCORED, Optional.of("fit-title"), Optional.of("v7"),
                        ordered("title", "VP Sales", "points", "15", "score", "40")),
                entry(3, AuditKind.ROUTED, Optional.of("route-emea"), Optional.of("v7"), Map.of()));

        audit.appendAll(decision);

        assertThat(audit.byCorrelation(EVENT)).containsExactlyElementsOf(decision);
    }

    @Test
    void evidenceKeepsTheOrderItWasReadInAndValuesThatNeedEscaping() {
        AuditEvent corrected = entry(1, AuditKind.CORRECTED, Optional.empty(), Optional.empty(),
                ordered("zeta", "\"quoted\", {braces}", "alpha", "line\nbreak", "mid", "back\\slash"));

        audit.appendAll(List.of(corrected));

        assertThat(audit.byCorrelation(EVENT).get(0).evidence().keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(audit.byCorrelation(EVENT)).containsExactly(corrected);
    }

    @Test
    void evidenceWithControlCharactersAndCharactersBeyondTheBasicPlaneReadsBackAsWritten() {
        AuditEvent enriched = entry(1, AuditKind.CORRECTED, Optional.empty(), Optional.empty(),
                ordered("tab\tkey", "bell\u0007 and \u001f", "name", "Zoë 🚀 株式会社", "slash/", "</script>"));

        audit.appendAll(List.of(enriched, entry(2, AuditKind.CORRECTED, Optional.empty(), Optional.empty(),
                ordered("a", "1", "b", "2", "c", "3"))));

        assertThat(audit.byCorrelation(EVENT).get(0)).isEqualTo(enriched);
    }

    @Test
    void anEventWithoutEvidenceOrEntityBetweenTwoWithEvidenceKeepsItsNeighboursEvidenceApart() {
        AuditEvent before = entry(1, AuditKind.VALIDATED, Optional.empty(), Optional.empty(), ordered("email", "a@b.co"));
        AuditEvent bare = new AuditEvent(UUID.fromString("00000000-0000-0000-0000-000000000002"),
                Instant.parse("2026-01-05T10:15:31Z"), AuditKind.RECEIVED, "event", Optional.empty(), EVENT,
                Actor.system("intake"), "received", Optional.empty(), Optional.empty(), Map.of());
        AuditEvent after = entry(3, AuditKind.ROUTED, Optional.of("route-emea"), Optional.of("v7"),
                ordered("owner", "ana", "pool", "emea"));

        audit.appendAll(List.of(before, bare, after));

        assertThat(audit.byCorrelation(EVENT)).containsExactly(before, bare, after);
    }

    @Test
    void twoAppendsOfOneEventKeepTheirOrderAcrossStatements() {
        AuditEvent first = entry(1, AuditKind.RECEIVED, Optional.empty(), Optional.empty(), Map.of());
        AuditEvent second = entry(2, AuditKind.CRM_WRITTEN, Optional.empty(), Optional.empty(), Map.of("crmId", "42"));
        AuditEvent third = entry(3, AuditKind.ACTION_QUEUED, Optional.empty(), Optional.empty(), Map.of());

        audit.appendAll(List.of(first));
        audit.appendAll(List.of(second, third));

        assertThat(audit.byCorrelation(EVENT)).containsExactly(first, second, third);
    }

    private static AuditEvent entry(int n, AuditKind kind, Optional<String> ruleId, Optional<String> version,
            Map<String, String> evidence) {
        return new AuditEvent(UUID.fromString("00000000-0000-0000-0000-00000000000" + n),
                Instant.parse("2026-01-05T10:15:30.123456Z").plusMillis(n), kind, "contact",
                Optional.of("contact-" + n), EVENT, ruleId.map(Actor::rule).orElse(Actor.system("pipeline")),
                "step " + n, ruleId, version, evidence);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
