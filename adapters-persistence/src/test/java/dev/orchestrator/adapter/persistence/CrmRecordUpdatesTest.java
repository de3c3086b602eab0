package dev.orchestrator.adapter.persistence;

import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.normalize.HubSpotCrmEvents;
import dev.orchestrator.application.port.in.ProcessEventCommand;
import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.application.service.CrmRecordUpdatesService;
import dev.orchestrator.application.service.PipelineStores;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.intake.EventStatus;
import dev.orchestrator.domain.rules.SlaClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/** HubSpot's crm.record.updated events applied to our view over PostgreSQL, one behaviour per test. */
class CrmRecordUpdatesTest {
    private static final Instant T0 = Instant.parse("2026-11-16T14:00:00Z");
    private static final String OUR_APP = "424242";
    private final MutableClock clock = MutableClock.at("2026-11-16T15:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private final List<UUID> sentToPipeline = new ArrayList<>();
    private PersistenceAdapter persistence;
    private PayloadTree batch;
    private CrmRecordUpdatesService service;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        PipelineStores stores = new PipelineStores(persistence.events(), persistence.contacts(),
                persistence.companies(), persistence.signals(), persistence.reviews(), persistence.audit(),
                persistence.transactions());
        // The bytes are not what these tests are about: every delivery reads as the batch the test set.
        PayloadParser parser = body -> new PayloadParser.Ok(batch);
        service = new CrmRecordUpdatesService(raw -> {
            sentToPipeline.add(raw.id());
            return new ProcessOutcome.Done(Optional.empty(), false);
        }, parser, new HubSpotCrmEvents(), stores, persistence.lifecycleLedger(), () -> aRuleset().build(),
                Set.of(OUR_APP), ids, clock);
    }

    private Contact contact(String owner) {
        Contact contact = new Contact(ids.newId(), EmailAddress.parse("jane@acme.com"), PersonName.of("Jane", "D"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new CrmObjectId("501")),
                LifecycleStage.SQL, Optional.of(owner), 0, 0, Map.of(), T0, T0);
        persistence.contacts().save(contact);
        return contact;
    }

    private static Map<String, Object> change(long eventId, Instant at, String property, String value,
            String changeSource, String sourceId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", BigDecimal.valueOf(eventId));
        event.put("subscriptionType", "contact.propertyChange");
        event.put("objectId", BigDecimal.valueOf(501));
        event.put("occurredAt", BigDecimal.valueOf(at.toEpochMilli()));
        event.put("propertyName", property);
        event.put("propertyValue", value);
        event.put("changeSource", changeSource);
        event.put("sourceId", sourceId);
        return event;
    }

    private ProcessOutcome deliver(String source, List<Map<String, Object>> events) {
        batch = new PayloadTree(events);
        UUID id = new StoredEvents(persistence).event(ids.newId(), source, clock.instant(), Optional.empty(),
                EventStatus.RECEIVED);
        return service.process(new ProcessEventCommand(id, 1));
    }

    private List<AuditEvent> audit(Contact contact, AuditKind kind) {
        return persistence.audit().byEntity("contact", contact.id().toString()).stream()
                .filter(event -> event.kind() == kind).toList();
    }

    private Contact reloaded(Contact contact) {
        return persistence.contacts().findById(contact.id()).orElseThrow();
    }

    @Test
    void anyOtherSourceGoesOnToTheLeadPipeline() {
        deliver("form", List.of());

        assertThat(sentToPipeline).hasSize(1);
    }

    @Test
    void aPersonsOwnerChangeRestartsTheTimerForTheNewOwnerWithoutCountingAsTheirTouch() {
        Contact contact = contact("owner-01");
        Instant at = T0.plus(Duration.ofMinutes(30));

        deliver("hubspot", List.of(change(1, at, "hubspot_owner_id", "owner-07", "CRM_UI", "userId:12")));

        assertThat(reloaded(contact).ownerId()).contains("owner-07");
        SlaClock clock = persistence.lifecycleLedger().clock(contact.id()).orElseThrow();
        assertThat(clock.ownerAssignedAt()).contains(at);
        assertThat(clock.touchedAt()).isEmpty();
        assertThat(audit(contact, AuditKind.ROUTED)).singleElement().satisfies(event -> {
            assertThat(event.ruleId()).contains(CrmRecordUpdatesService.MANUAL_RULE);
            assertThat(event.evidence()).containsEntry("ownerBefore", "owner-01").containsEntry("ownerAfter",
                    "owner-07");
        });
    }

    @Test
    void anActivityLoggedInTheCrmTouchesTheContactWhoeverLoggedIt() {
        Contact contact = contact("owner-01");
        Instant at = T0.plus(Duration.ofMinutes(45));

        deliver("hubspot", List.of(change(2, at, "notes_last_updated", "1763304300000", "CALCULATED", "")));

        assertThat(persistence.lifecycleLedger().clock(contact.id()).orElseThrow().touchedAt()).contains(at);
    }

    @Test
    void aChangeOlderThanOurLastChangeOfThatPropertyIsSuperseded() {
        Contact contact = contact("owner-01");

        deliver("hubspot", List.of(change(3, T0.minus(Duration.ofHours(1)), "lifecyclestage", "lead", "CRM_UI",
                "userId:12")));

        assertThat(reloaded(contact).stage()).isEqualTo(LifecycleStage.SQL);
        assertThat(audit(contact, AuditKind.IGNORED)).singleElement()
                .satisfies(event -> assertThat(event.summary()).startsWith("superseded"));
    }

    @Test
    void anOwnerWrittenByOurOwnAppComingBackIsAnEcho() {
        Contact contact = contact("owner-01");

        deliver("hubspot", List.of(change(4, T0.plus(Duration.ofMinutes(5)), "hubspot_owner_id", "owner-09",
                "INTEGRATION", OUR_APP)));

        assertThat(reloaded(contact).ownerId()).contains("owner-01");
        assertThat(audit(contact, AuditKind.IGNORED)).singleElement()
                .satisfies(event -> assertThat(event.summary()).startsWith("echo of our own write"));
    }

    @Test
    void aRetriedBatchAppliesNoEventTwice() {
        Contact contact = contact("owner-01");
        List<Map<String, Object>> events = List.of(change(5, T0.plus(Duration.ofMinutes(5)), "lifecyclestage",
                "opportunity", "CRM_UI", "userId:12"));
        batch = new PayloadTree(events);
        UUID id = new StoredEvents(persistence).event(ids.newId(), "hubspot", clock.instant(), Optional.empty(),
                EventStatus.RECEIVED);

        service.process(new ProcessEventCommand(id, 1));
        service.process(new ProcessEventCommand(id, 2));

        assertThat(reloaded(contact).stage()).isEqualTo(LifecycleStage.OPPORTUNITY);
        assertThat(audit(contact, AuditKind.TRANSITIONED)).hasSize(1);
    }

    @Test
    void anotherPropertysValueStaysOutOfTheAuditTrail() {
        Contact contact = contact("owner-01");

        deliver("hubspot", List.of(change(6, T0.plus(Duration.ofMinutes(5)), "phone", "+1 415 555 0100",
                "CRM_UI", "userId:12")));

        assertThat(audit(contact, AuditKind.CRM_UPDATED)).singleElement().satisfies(event -> {
            assertThat(event.evidence()).containsEntry("property", "phone").doesNotContainKey("value");
            assertThat(event.evidence().values()).noneMatch(value -> value.contains("555"));
        });
    }

    @Test
    void aStageOutsideOurStagesIsIgnored() {
        Contact contact = contact("owner-01");

        deliver("hubspot", List.of(change(7, T0.plus(Duration.ofMinutes(5)), "lifecyclestage", "evangelist",
                "CRM_UI", "userId:12")));

        assertThat(reloaded(contact).stage()).isEqualTo(LifecycleStage.SQL);
        assertThat(audit(contact, AuditKind.IGNORED)).singleElement()
                .satisfies(event -> assertThat(event.summary()).contains("'evangelist' is not one of our stages"));
    }
}
