package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.ContactUpsert;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.DealDraft;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The portal's daily allowance, and a 429 storm over every kind of write the adapter makes. */
class HubSpotDailyBudgetAndStormTest {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotDailyBudgetAndStormTest.class);
    private static final HubSpotRateLimits TEN_PER_SECOND = new HubSpotRateLimits(10, Duration.ofSeconds(1), 4,
            Duration.ofSeconds(1), 10, Duration.ofSeconds(1));

    private static final String STORM_BODY = "{\"status\":\"error\",\"message\":\"You have reached your "
            + "ten_secondly_rolling limit.\",\"errorType\":\"RATE_LIMIT\",\"correlationId\":"
            + "\"aeb5f871-7f07-4993-9211-075dc63e7cbf\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}";

    private final HubSpotTestPortal portal = new HubSpotTestPortal();

    @AfterEach
    void stop() {
        assertThat(portal.hubSpot.violations()).isEmpty();
        portal.close();
    }

    @Test
    void a_spent_daily_budget_stops_calls_before_they_are_sent_with_a_retry_at_the_reset() {
        HubSpotAdapter.Ports ports = portal.ports(s -> s.withDailyBudget(
                new HubSpotDailyBudget(3, ZoneId.of("UTC"), 0)));
        for (int i = 0; i < 3; i++) {
            ports.live().createContact(draft("day" + i + "@budget.example"));
        }

        CrmFailure spent = catchThrowableOfType(CrmFailure.class,
                () -> ports.live().createContact(draft("day3@budget.example")));

        assertThat(spent.kind()).isEqualTo(CrmFailure.Kind.RETRYABLE);
        assertThat(spent.getMessage()).contains("daily budget is spent (3 of 3 requests)");
        // 10:15:30 UTC: the budget resets at midnight, 13 h 44 min 30 s later
        assertThat(spent.retryAfter()).contains(Duration.ofHours(13).plusMinutes(44).plusSeconds(30));
        assertThat(portal.hubSpot.received()).hasSize(3);
    }

    @Test
    void the_budget_resets_at_midnight_of_the_portals_time_zone() {
        HubSpotAdapter.Ports ports = portal.ports(s -> s.withDailyBudget(
                new HubSpotDailyBudget(1, ZoneId.of("America/New_York"), 0)));
        ports.live().createContact(draft("before@midnight.example"));
        // 10:15:30 UTC is 05:15:30 in New York: midnight there is 18 h 44 min 30 s away
        portal.clock.advance(Duration.ofHours(18).plusMinutes(44).plusSeconds(30));

        ports.live().createContact(draft("after@midnight.example"));

        assertThat(portal.hubSpot.contactCount()).isEqualTo(2);
    }

    @Test
    void backfills_stop_while_the_live_reserve_of_the_day_is_left() {
        HubSpotAdapter.Ports ports = portal.ports(s -> s.withDailyBudget(
                new HubSpotDailyBudget(10, ZoneId.of("UTC"), 20)));
        for (int i = 0; i < 8; i++) {
            ports.backfill().createContact(draft("old" + i + "@backfill.example"));
        }

        CrmFailure held = catchThrowableOfType(CrmFailure.class,
                () -> ports.backfill().createContact(draft("old8@backfill.example")));
        ports.live().createContact(draft("new@live.example"));

        assertThat(held.kind()).isEqualTo(CrmFailure.Kind.RETRYABLE);
        assertThat(held.getMessage()).contains("the last 2 kept for live leads");
        assertThat(portal.hubSpot.contactCount()).isEqualTo(9);
    }

    @Test
    void hubspots_own_count_of_the_day_is_adopted_when_other_apps_spent_more() {
        portal.hubSpot.limitBurst(190, Duration.ofSeconds(10));   // answers carry the rate-limit headers
        HubSpotAdapter.Ports ports = portal.ports(s -> s.withDailyBudget(
                new HubSpotDailyBudget(650_000, ZoneId.of("UTC"), 0)));
        portal.hubSpot.reportDailyRemaining(0);
        ports.live().createContact(draft("last@today.example"));

        CrmFailure spent = catchThrowableOfType(CrmFailure.class,
                () -> ports.live().createContact(draft("over@today.example")));

        assertThat(spent.kind()).isEqualTo(CrmFailure.Kind.RETRYABLE);
        assertThat(portal.hubSpot.contactCount()).isEqualTo(1);
    }

    @Test
    void a_429_storm_over_deals_tasks_and_batches_loses_nothing_and_never_exceeds_the_configured_rate() {
        portal.hubSpot.limitBurst(10, Duration.ofSeconds(1));
        HubSpotAdapter.Ports ports = portal.ports(s -> s.withRateLimits(TEN_PER_SECOND).withMaxAttempts(50));
        Instant start = portal.clock.instant();
        List<CrmObjectId> contacts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i % 2 == 0) {
                portal.hubSpot.othersSpent(8);   // another app of the portal bursts between our calls
            }
            for (int storm = 0; storm < 3; storm++) {   // and the portal refuses the next three calls outright
                portal.hubSpot.respondNext(429, STORM_BODY, Map.of("Retry-After", "1"));
            }
            CrmObjectId contact = ports.live().createContact(draft("storm" + i + "@deals.example"));
            contacts.add(contact);
            CrmObjectId deal = ports.deals().createDeal(new DealDraft("sql:" + contact, "Storm " + i, "default",
                    "appointmentscheduled", LocalDate.parse("2026-02-04"), Optional.empty(), Optional.empty()));
            ports.deals().associateDealWithContact(deal, contact);
            ports.engagements().createTask(new TaskDraft("task:" + contact, contact, "Call " + i, "b",
                    HubSpotTestPortal.START, Optional.empty()));
        }
        List<ContactUpsert> batch = ports.batches().upsertContacts(IntStream.range(0, 300)
                .mapToObj(i -> draft("bulk" + i + "@storm.example")).toList());

        int requests = portal.hubSpot.received().size();
        int refused = portal.hubSpot.rateLimitedCount() + 60;
        assertThat(portal.hubSpot.scriptedLeft()).as("every scripted 429 was answered").isZero();
        int busiest = mostRequestsInAnyWindow(Duration.ofSeconds(1));
        LOG.info("429 storm: {} requests sent, {} answered 429 by the portal, busiest 1 s window {} (limit 10), "
                + "{} s of fake time", requests, refused, busiest,
                Duration.between(start, portal.clock.instant()).toSeconds());
        assertThat(refused).as("the portal did push back").isGreaterThanOrEqualTo(60);
        assertThat(portal.hubSpot.dealCount()).isEqualTo(20);
        assertThat(portal.hubSpot.taskCount()).isEqualTo(20);
        assertThat(contacts).allSatisfy(c -> assertThat(portal.hubSpot.linked("contacts", c.value(), "deals"))
                .hasSize(1));
        assertThat(batch).hasSize(300).allMatch(ContactUpsert::ok);
        assertThat(portal.hubSpot.contactCount()).isEqualTo(320);
        assertThat(busiest).isLessThanOrEqualTo(10);
    }

    private int mostRequestsInAnyWindow(Duration window) {
        List<Instant> times = portal.hubSpot.received().stream().map(FakeHubSpot.Received::at).sorted().toList();
        int most = 0;
        for (int start = 0; start < times.size(); start++) {
            int end = start;
            while (end < times.size() && times.get(end).isBefore(times.get(start).plus(window))) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }

    private static ContactDraft draft(String email) {
        return new ContactDraft(EmailAddress.parse(email), PersonName.of("Storm", "Y"), Optional.empty(),
                Optional.empty(), Optional.of("lead"), Optional.empty());
    }

}
