package dev.orchestrator.application.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.intake.ChangeOrigin;
import dev.orchestrator.domain.intake.CrmRecordUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HubSpotCrmEventsTest {
    private static final long OCCURRED = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
    private final HubSpotCrmEvents events = new HubSpotCrmEvents();

    private static Map<String, Object> event(long eventId, String type, Object... more) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", BigDecimal.valueOf(eventId));
        event.put("subscriptionType", type);
        event.put("objectId", BigDecimal.valueOf(501));
        event.put("occurredAt", BigDecimal.valueOf(OCCURRED));
        event.put("changeSource", "CRM_UI");
        event.put("sourceId", "userId:77");
        for (int i = 0; i < more.length; i += 2) {
            event.put((String) more[i], more[i + 1]);
        }
        return event;
    }

    @Test
    void a_batch_is_split_into_one_update_per_event() {
        List<HubSpotCrmEvents.Item> items = events.read(new PayloadTree(List.of(
                event(1, "contact.propertyChange", "propertyName", "lifecyclestage", "propertyValue",
                        "salesqualifiedlead"),
                event(2, "contact.creation"),
                event(3, "contact.deletion"))));

        assertThat(items).hasSize(3);
        assertThat(items.get(0)).isEqualTo(new HubSpotCrmEvents.Read(new CrmRecordUpdate.PropertyChanged("1",
                new CrmObjectId("501"), Instant.ofEpochMilli(OCCURRED), new ChangeOrigin("CRM_UI",
                Optional.of("userId:77")), "lifecyclestage", Optional.of("salesqualifiedlead"))));
        assertThat(items.get(1)).extracting(item -> ((HubSpotCrmEvents.Read) item).update())
                .isInstanceOf(CrmRecordUpdate.Created.class);
        assertThat(items.get(2)).extracting(item -> ((HubSpotCrmEvents.Read) item).update())
                .isInstanceOf(CrmRecordUpdate.Deleted.class);
    }

    @Test
    void a_merge_names_the_survivor_and_the_records_that_are_gone() {
        List<HubSpotCrmEvents.Item> items = events.read(new PayloadTree(List.of(event(4, "contact.merge",
                "primaryObjectId", BigDecimal.valueOf(900), "mergedObjectIds",
                List.of(BigDecimal.valueOf(501), BigDecimal.valueOf(900))))));

        CrmRecordUpdate.Merged merged = (CrmRecordUpdate.Merged) ((HubSpotCrmEvents.Read) items.get(0)).update();
        assertThat(merged.objectId()).isEqualTo(new CrmObjectId("900"));
        assertThat(merged.merged()).containsExactly(new CrmObjectId("501"));
    }

    @Test
    void one_unreadable_event_is_reported_and_the_rest_are_read() {
        Map<String, Object> noObject = event(5, "contact.propertyChange", "propertyName", "firstname");
        noObject.remove("objectId");

        List<HubSpotCrmEvents.Item> items = events.read(new PayloadTree(List.of(noObject,
                event(6, "contact.creation"))));

        assertThat(items.get(0)).isEqualTo(new HubSpotCrmEvents.Unreadable(0, Optional.of("5"),
                "objectId is required"));
        assertThat(items.get(1)).isInstanceOf(HubSpotCrmEvents.Read.class);
    }

    @Test
    void events_of_other_objects_are_skipped_not_applied() {
        assertThat(events.read(new PayloadTree(List.of(event(7, "deal.propertyChange")))))
                .containsExactly(new HubSpotCrmEvents.Skipped("7", "deal.propertyChange"));
    }

    @Test
    void hubspot_stage_values_map_to_our_stages_and_foreign_ones_to_none() {
        assertThat(events.stage("marketingqualifiedlead")).contains(LifecycleStage.MQL);
        assertThat(events.stage("salesqualifiedlead")).contains(LifecycleStage.SQL);
        assertThat(events.stage("opportunity")).contains(LifecycleStage.OPPORTUNITY);
        assertThat(events.stage("evangelist")).isEmpty();
        assertThat(new HubSpotCrmEvents(Map.of("1234567", LifecycleStage.NURTURE)).stage("1234567"))
                .contains(LifecycleStage.NURTURE);
    }

    @Test
    void a_body_that_is_neither_an_array_nor_an_event_is_unprocessable() {
        assertThatThrownBy(() -> events.read(new PayloadTree("just text")))
                .isInstanceOf(UnprocessablePayload.class);
    }
}
