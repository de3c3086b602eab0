package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.crm.CrmDeal;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.DealDraft;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A lead reaching sql gets one deal: searched first, created with the event's key, linked to contact and company. */
class SqlDealsTest {
    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final CrmObjectId CRM_CONTACT = new CrmObjectId("501");

    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final InMemoryDeals crm = new InMemoryDeals();
    private final SqlDeals deals = new SqlDeals(crm, new SqlDeals.Settings("default", "appointmentscheduled",
            Period.ofDays(30)), clock);

    @Test
    void a_lead_moved_to_sql_gets_a_deal_keyed_by_its_event_and_linked_to_contact_and_company() {
        AuditTrail trail = trail();

        deals.onStage(LifecycleStage.MQL, contactAt(LifecycleStage.SQL), CRM_CONTACT, Optional.of("901"), "sandbox",
                trail);

        assertThat(crm.drafts).singleElement().satisfies(draft -> {
            assertThat(draft.idempotencyKey()).isEqualTo("sql:" + EVENT);
            assertThat(draft.name()).isEqualTo("Acme — ada@acme.example");
            assertThat(draft.pipeline()).isEqualTo("default");
            assertThat(draft.stage()).isEqualTo("appointmentscheduled");
            assertThat(draft.closeDate()).isEqualTo(LocalDate.parse("2026-02-04"));
            assertThat(draft.ownerId()).contains("owner-7");
        });
        assertThat(crm.contactLinks).containsExactly("d1→501");
        assertThat(crm.companyLinks).containsExactly("d1→901");
        assertThat(trail.events()).extracting(AuditEvent::kind)
                .containsExactly(AuditKind.CRM_SEARCHED, AuditKind.CRM_WRITTEN);
        assertThat(trail.events().get(1).evidence()).containsEntry("object", "deal").containsEntry("crmId", "d1")
                .containsEntry("operation", "create").containsEntry("idempotencyKey", "sql:" + EVENT);
    }

    @Test
    void a_retried_run_of_the_same_event_writes_the_same_deal() {
        deals.onStage(LifecycleStage.MQL, contactAt(LifecycleStage.SQL), CRM_CONTACT, Optional.empty(), "sandbox",
                trail());

        crm.openDeals.clear();   // search lags behind the write the first run made
        deals.onStage(LifecycleStage.MQL, contactAt(LifecycleStage.SQL), CRM_CONTACT, Optional.empty(), "sandbox",
                trail());

        assertThat(crm.byKey).hasSize(1);
        assertThat(crm.contactLinks).containsExactly("d1→501");
    }

    @Test
    void an_open_deal_a_rep_made_is_updated_in_its_own_stage_not_duplicated() {
        crm.openDeals.put("501/default", new CrmDeal(new CrmObjectId("rep-1"), "By hand", "default", "qualifiedtobuy"));

        deals.onStage(LifecycleStage.MQL, contactAt(LifecycleStage.SQL), CRM_CONTACT, Optional.empty(), "sandbox",
                trail());

        assertThat(crm.byKey).isEmpty();
        assertThat(crm.updated).containsExactly("rep-1:qualifiedtobuy");
        assertThat(crm.contactLinks).containsExactly("rep-1→501");
    }

    @Test
    void a_contact_that_was_already_sql_or_is_not_sql_gets_no_deal() {
        deals.onStage(LifecycleStage.SQL, contactAt(LifecycleStage.SQL), CRM_CONTACT, Optional.empty(), "sandbox",
                trail());
        deals.onStage(LifecycleStage.LEAD, contactAt(LifecycleStage.MQL), CRM_CONTACT, Optional.empty(), "sandbox",
                trail());

        assertThat(crm.calls).isZero();
    }

    @Test
    void without_deal_settings_nothing_is_written() {
        AuditTrail trail = trail();

        SqlDeals.none().onStage(LifecycleStage.MQL, contactAt(LifecycleStage.SQL), CRM_CONTACT, Optional.empty(),
                "sandbox", trail);

        assertThat(trail.events()).isEmpty();
    }

    private AuditTrail trail() {
        return new AuditTrail(EVENT, new SequentialIds(), clock);
    }

    private Contact contactAt(LifecycleStage stage) {
        return new Contact(UUID.fromString("00000000-0000-0000-0000-00000000c001"), EmailAddress.parse("ada@acme.example"),
                PersonName.of("Ada", "L"), Optional.of("Acme"), Optional.of("acme.example"), Optional.empty(),
                Optional.of(CRM_CONTACT), stage, Optional.of("owner-7"), 40, 10, Map.of(), clock.instant(),
                clock.instant());
    }

    /** Deals kept in maps, with the same key semantics the adapters give. */
    private static final class InMemoryDeals implements CrmDeals {
        final Map<String, CrmDeal> openDeals = new LinkedHashMap<>();
        final Map<String, String> byKey = new LinkedHashMap<>();
        final List<DealDraft> drafts = new ArrayList<>();
        final List<String> updated = new ArrayList<>();
        final Set<String> contactLinks = new LinkedHashSet<>();
        final Set<String> companyLinks = new LinkedHashSet<>();
        int calls;

        @Override
        public Optional<CrmDeal> findOpenDeal(CrmObjectId contactId, String pipeline) {
            calls++;
            return Optional.ofNullable(openDeals.get(contactId.value() + "/" + pipeline));
        }

        @Override
        public CrmObjectId createDeal(DealDraft draft) {
            calls++;
            drafts.add(draft);
            String id = byKey.computeIfAbsent(draft.idempotencyKey(), k -> "d" + (byKey.size() + 1));
            return new CrmObjectId(id);
        }

        @Override
        public void updateDeal(CrmObjectId dealId, DealDraft draft) {
            calls++;
            updated.add(dealId.value() + ":" + draft.stage());
        }

        @Override
        public void associateDealWithContact(CrmObjectId dealId, CrmObjectId contactId) {
            calls++;
            contactLinks.add(dealId.value() + "→" + contactId.value());
            openDeals.put(contactId.value() + "/default", new CrmDeal(dealId, "", "default", ""));
        }

        @Override
        public void associateDealWithCompany(CrmObjectId dealId, CrmObjectId companyId) {
            calls++;
            companyLinks.add(dealId.value() + "→" + companyId.value());
        }
    }
}
