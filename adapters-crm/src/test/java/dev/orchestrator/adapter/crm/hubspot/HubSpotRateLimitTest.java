package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limiter against a portal that enforces its own limits and shares its budget with other apps. */
class HubSpotRateLimitTest {
    private static final HubSpotRateLimits TEN_PER_SECOND = new HubSpotRateLimits(10, Duration.ofSeconds(1), 4,
            Duration.ofSeconds(1), 10, Duration.ofSeconds(1));

    private final HubSpotTestPortal portal = new HubSpotTestPortal();

    @AfterEach
    void stop() {
        assertThat(portal.hubSpot.violations()).isEmpty();
        portal.close();
    }

    @Test
    void a_429_storm_loses_no_contact_and_never_exceeds_the_configured_rate() {
        portal.hubSpot.limitBurst(10, Duration.ofSeconds(1));
        CrmGateway gateway = portal.gateway(s -> s.withRateLimits(TEN_PER_SECOND).withMaxAttempts(50));

        for (int i = 0; i < 60; i++) {
            if (i % 4 == 0) {
                portal.hubSpot.othersSpent(6);   // another app of the portal bursts between our calls
            }
            gateway.createContact(draft("lead" + i + "@storm.example"));
        }

        assertThat(portal.hubSpot.rateLimitedCount()).as("the portal did push back").isGreaterThan(5);
        assertThat(portal.hubSpot.emails()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 60).mapToObj(i -> "lead" + i + "@storm.example").toList());
        assertThat(mostRequestsInAnyWindow(Duration.ofSeconds(1))).isLessThanOrEqualTo(10);
    }

    @Test
    void searches_keep_to_the_search_budget_and_not_the_ten_secondly_one() {
        CrmGateway gateway = portal.gateway(s -> s.withRateLimits(TEN_PER_SECOND));

        for (int i = 0; i < 12; i++) {
            gateway.findContactByEmail(EmailAddress.parse("nobody" + i + "@search.example"));
        }

        assertThat(mostRequestsInAnyWindow(Duration.ofSeconds(1))).isEqualTo(4);
        assertThat(portal.sleeper.total()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void a_backfill_leaves_the_last_request_of_a_window_to_live_leads() {
        HubSpotAdapter.Lanes lanes = portal.lanes(s -> s.withRateLimits(TEN_PER_SECOND));
        for (int i = 0; i < 9; i++) {
            lanes.backfill().createContact(draft("old" + i + "@backfill.example"));
        }
        assertThat(portal.sleeper.sleeps()).isEmpty();

        lanes.backfill().createContact(draft("old9@backfill.example"));

        assertThat(portal.sleeper.sleeps()).as("the backfill waited though one request was left")
                .containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void a_live_lead_takes_the_request_a_backfill_left() {
        HubSpotAdapter.Lanes lanes = portal.lanes(s -> s.withRateLimits(TEN_PER_SECOND));
        for (int i = 0; i < 9; i++) {
            lanes.backfill().createContact(draft("old" + i + "@backfill.example"));
        }

        lanes.live().createContact(draft("new@live.example"));

        assertThat(portal.sleeper.sleeps()).isEmpty();
        assertThat(portal.hubSpot.contactCount()).isEqualTo(10);
    }

    @Test
    void health_shows_what_is_left_of_the_window_and_of_the_day() {
        portal.hubSpot.limitBurst(190, Duration.ofSeconds(10));

        var health = portal.gateway().health();

        assertThat(health.up()).isTrue();
        assertThat(health.detail()).contains("189 of 190 requests left in the rate-limit window")
                .contains("649999 of 650000 requests left today");
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
        return new ContactDraft(EmailAddress.parse(email), PersonName.of("Rate", "Limited"), Optional.empty(),
                Optional.empty(), Optional.of("lead"), Optional.empty());
    }
}
