package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.crm.hubspot.RateLimiter.Budget;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The portal's budget on a fake clock: no test here waits in real time. */
class RateLimiterTest {
    /** 10 requests per rolling second (1 kept for live), search 2 per second (1 kept for live). */
    private static final HubSpotRateLimits TEN_PER_SECOND = new HubSpotRateLimits(10, Duration.ofSeconds(1), 2,
            Duration.ofSeconds(1), 10, Duration.ofSeconds(1));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:15:30Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RateLimiter limiter = new RateLimiter(TEN_PER_SECOND, clock, sleeper);

    @Test
    void a_full_window_of_requests_goes_without_waiting() throws Exception {
        acquire(Budget.BURST, Lane.LIVE, 10);

        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void the_request_past_the_window_waits_until_the_oldest_request_leaves_it() throws Exception {
        acquire(Budget.BURST, Lane.LIVE, 10);
        clock.advance(Duration.ofMillis(300));

        limiter.acquire(Budget.BURST, Lane.LIVE);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(700));
    }

    @Test
    void backfill_waits_for_the_next_window_when_only_the_live_reserve_is_left() throws Exception {
        acquire(Budget.BURST, Lane.BACKFILL, 9);
        assertThat(sleeper.sleeps()).isEmpty();

        limiter.acquire(Budget.BURST, Lane.BACKFILL);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void live_takes_the_reserve_that_backfill_left() throws Exception {
        acquire(Budget.BURST, Lane.BACKFILL, 9);

        limiter.acquire(Budget.BURST, Lane.LIVE);

        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(limiter.used(Budget.BURST)).isEqualTo(10);
    }

    @Test
    void retry_after_holds_back_every_lane() throws Exception {
        limiter.pause(Budget.BURST, Duration.ofSeconds(5));

        limiter.acquire(Budget.BURST, Lane.LIVE);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void a_portal_that_reports_fewer_requests_left_than_we_counted_makes_us_wait_sooner() throws Exception {
        limiter.acquire(Budget.BURST, Lane.LIVE);
        limiter.observe(Budget.BURST, 0, 10);

        limiter.acquire(Budget.BURST, Lane.LIVE);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void a_portal_with_a_lower_max_than_configured_lowers_the_window() throws Exception {
        limiter.observe(Budget.BURST, 5, 5);

        acquire(Budget.BURST, Lane.LIVE, 6);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void search_has_a_window_of_its_own() throws Exception {
        acquire(Budget.BURST, Lane.LIVE, 10);

        limiter.acquire(Budget.SEARCH, Lane.LIVE);
        limiter.acquire(Budget.SEARCH, Lane.LIVE);
        assertThat(sleeper.sleeps()).isEmpty();

        limiter.acquire(Budget.SEARCH, Lane.LIVE);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void backfill_waits_while_a_live_request_is_waiting_even_when_the_window_has_room() throws Exception {
        GateSleeper gate = new GateSleeper();
        RateLimiter shared = new RateLimiter(TEN_PER_SECOND, clock, gate);
        for (int i = 0; i < 10; i++) {
            shared.acquire(Budget.BURST, Lane.LIVE);
        }
        Thread live = new Thread(() -> acquireQuietly(shared, Lane.LIVE), "live");
        live.start();
        assertThat(gate.nextSleeper()).isEqualTo("live");

        clock.advance(Duration.ofSeconds(1));
        Thread backfill = new Thread(() -> acquireQuietly(shared, Lane.BACKFILL), "backfill");
        backfill.start();

        assertThat(gate.nextSleeper()).as("backfill yields though the window has rolled").isEqualTo("backfill");
        gate.release();
        live.join(5_000);
        backfill.join(5_000);
        assertThat(shared.used(Budget.BURST)).isEqualTo(2);
    }

    private void acquire(Budget budget, Lane lane, int times) throws InterruptedException {
        for (int i = 0; i < times; i++) {
            limiter.acquire(budget, lane);
        }
    }

    private static void acquireQuietly(RateLimiter limiter, Lane lane) {
        try {
            limiter.acquire(Budget.BURST, lane);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Holds each sleeping thread until released, and tells the test who went to sleep. */
    private static final class GateSleeper implements Sleeper {
        private final BlockingQueue<String> sleepers = new LinkedBlockingQueue<>();
        private final CountDownLatch open = new CountDownLatch(1);

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            sleepers.add(Thread.currentThread().getName());
            open.await();
        }

        String nextSleeper() throws InterruptedException {
            return sleepers.poll(5, TimeUnit.SECONDS);
        }

        void release() {
            open.countDown();
        }
    }
}
