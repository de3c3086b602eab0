package dev.orchestrator.adapter.persistence;

import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.SlaAlerts;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.service.EnforceSlaService;
import dev.orchestrator.application.service.PipelineStores;
import dev.orchestrator.application.service.RoutingRotation;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.SlaRule;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sweep's SLA enforcement over PostgreSQL: reassign once, alert, and leave touched records alone. */
class SlaEnforcementTest {
    // Monday 2026-11-16 09:00 UTC; the test ruleset counts 09:00-17:00 UTC, Monday to Friday.
    private static final Instant MONDAY_9AM = Instant.parse("2026-11-16T09:00:00Z");
    private static final Instant TUESDAY_10AM = Instant.parse("2026-11-17T10:00:00Z");
    private static final SlaRule FIRST_TOUCH = new SlaRule("sql-first-touch", LifecycleStage.SQL,
            Duration.ofHours(8), Optional.of("#sales-alerts"));
    private final MutableClock clock = MutableClock.at("2026-11-16T09:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private final List<ContactDraft> crmWrites = new ArrayList<>();
    private final List<SlaAlerts.SlaAlert> alerts = new ArrayList<>();
    private final OwnerRoster roster = OwnerRoster.of(List.of(OwnerState.available("ae-1"),
            OwnerState.available("ae-2"), OwnerState.available("ae-3")));
    private PersistenceAdapter persistence;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
    }

    private EnforceSlaService service(Ruleset ruleset) {
        PipelineStores stores = new PipelineStores(persistence.events(), persistence.contacts(),
                persistence.companies(), persistence.signals(), persistence.reviews(), persistence.audit(),
                persistence.transactions());
        return new EnforceSlaService(() -> ruleset, persistence.lifecycleLedger(), stores, () -> roster,
                new RoutingRotation(persistence.rotationStore()), crm(), alerts::add, ids, clock);
    }

    /** Records contact updates; any other CRM call fails the test. */
    private CrmGateway crm() {
        return (CrmGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CrmGateway.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> "fake-crm";
                    case "updateContact" -> {
                        crmWrites.add((ContactDraft) args[1]);
                        yield null;
                    }
                    default -> throw new AssertionError("unexpected CRM call " + method.getName());
                });
    }

    private static Ruleset ruleset(SlaRule rule) {
        return aRuleset().pool("aes", List.of("ae-1", "ae-2", "ae-3"))
                .routeToPool("us", "aes", OptionalInt.empty(), "record.country == US").sla(rule).build();
    }

    private Contact sql(String email, String owner) {
        Contact contact = new Contact(ids.newId(), EmailAddress.parse(email), PersonName.of("Ada", "L"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new CrmObjectId("crm-" + email)),
                LifecycleStage.SQL, Optional.of(owner), 40, 30, Map.of("country", "US"), MONDAY_9AM, MONDAY_9AM);
        persistence.contacts().save(contact);
        return contact;
    }

    private List<AuditEvent> audit(Contact contact, AuditKind kind) {
        return persistence.audit().byEntity("contact", contact.id().toString()).stream()
                .filter(event -> event.kind() == kind).toList();
    }

    @Test
    void anUntouchedSqlGoesToTheNextOwnerWithTheBreachAndItsCandidatesAudited() {
        Contact contact = sql("late@acme.com", "ae-1");
        clock.set(TUESDAY_10AM);

        EnforceSlaService.SlaReport report = service(ruleset(FIRST_TOUCH)).enforce(100);

        assertThat(report).isEqualTo(new EnforceSlaService.SlaReport(1, 1));
        assertThat(persistence.contacts().findById(contact.id()).orElseThrow().ownerId()).contains("ae-2");
        assertThat(crmWrites).singleElement().satisfies(draft -> assertThat(draft.ownerId()).contains("ae-2"));
        Map<String, String> evidence = audit(contact, AuditKind.SLA_BREACHED).get(0).evidence();
        assertThat(evidence).containsEntry("rule", "sql-first-touch").containsEntry("elapsedHours", "9")
                .containsEntry("allowedHours", "8").containsEntry("ownerBefore", "ae-1")
                .containsEntry("ownerAfter", "ae-2").containsEntry("candidate.1.owner", "ae-1")
                .containsEntry("candidate.1.outcome", "excluded").containsEntry("candidate.2.outcome", "assigned");
        assertThat(audit(contact, AuditKind.ROUTED)).hasSize(1);
        assertThat(audit(contact, AuditKind.ALERT_RAISED)).hasSize(1);
        assertThat(alerts).singleElement().satisfies(alert -> assertThat(alert.channel()).contains("#sales-alerts"));
    }

    @Test
    void aSecondSweepReassignsNobodyAgain() {
        Contact contact = sql("twice@acme.com", "ae-1");
        clock.set(TUESDAY_10AM);
        EnforceSlaService service = service(ruleset(FIRST_TOUCH));

        service.enforce(100);
        clock.advance(Duration.ofMinutes(5));
        EnforceSlaService.SlaReport again = service.enforce(100);

        assertThat(again).isEqualTo(EnforceSlaService.SlaReport.NONE);
        assertThat(audit(contact, AuditKind.SLA_BREACHED)).hasSize(1);
        assertThat(crmWrites).hasSize(1);
    }

    @Test
    void theNewOwnerMissingTheSlaInTurnPassesItOn() {
        Contact contact = sql("cascade@acme.com", "ae-1");
        clock.set(TUESDAY_10AM);
        EnforceSlaService service = service(ruleset(FIRST_TOUCH));
        service.enforce(100);

        clock.set(Instant.parse("2026-11-18T11:00:00Z"));
        service.enforce(100);

        assertThat(persistence.contacts().findById(contact.id()).orElseThrow().ownerId()).contains("ae-3");
        assertThat(audit(contact, AuditKind.SLA_BREACHED)).hasSize(2);
    }

    @Test
    void aTouchAfterTheAssignmentStopsTheTimer() {
        Contact contact = sql("touched@acme.com", "ae-1");
        persistence.lifecycleLedger().touch(contact.id(), MONDAY_9AM.plus(Duration.ofHours(2)), "hubspot-user:1",
                "activity:notes_last_updated");
        clock.set(TUESDAY_10AM);

        assertThat(service(ruleset(FIRST_TOUCH)).enforce(100)).isEqualTo(EnforceSlaService.SlaReport.NONE);
        assertThat(persistence.contacts().findById(contact.id()).orElseThrow().ownerId()).contains("ae-1");
    }

    @Test
    void anAlertOnlyRuleKeepsTheOwnerAndAlertsOnce() {
        Contact contact = sql("alert.only@acme.com", "ae-1");
        clock.set(TUESDAY_10AM);
        EnforceSlaService service = service(ruleset(new SlaRule("sql-watch", LifecycleStage.SQL,
                Duration.ofHours(8), Optional.empty(), false)));

        EnforceSlaService.SlaReport first = service.enforce(100);
        EnforceSlaService.SlaReport second = service.enforce(100);

        assertThat(first).isEqualTo(new EnforceSlaService.SlaReport(1, 0));
        assertThat(second).isEqualTo(EnforceSlaService.SlaReport.NONE);
        assertThat(persistence.contacts().findById(contact.id()).orElseThrow().ownerId()).contains("ae-1");
        assertThat(crmWrites).isEmpty();
        assertThat(alerts).hasSize(1);
    }

    @Test
    void withNobodyElseAvailableTheRecordStaysAndTheAlertSaysSo() {
        Contact contact = sql("alone@acme.com", "ae-1");
        clock.set(TUESDAY_10AM);
        Ruleset solo = aRuleset().pool("solo", List.of("ae-1"))
                .routeToPool("us", "solo", OptionalInt.empty(), "record.country == US").sla(FIRST_TOUCH).build();

        service(solo).enforce(100);

        assertThat(persistence.contacts().findById(contact.id()).orElseThrow().ownerId()).contains("ae-1");
        assertThat(audit(contact, AuditKind.SLA_BREACHED).get(0).evidence().get("action"))
                .startsWith("kept by ae-1: nobody else can take it");
        assertThat(alerts).hasSize(1);
    }
}
