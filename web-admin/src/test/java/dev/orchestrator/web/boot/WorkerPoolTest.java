package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    /** Far longer than any test waits: a claim seen within seconds was not the idle poll's. */
    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    @Test
    void idleWaitDoublesAfterEachEmptyClaimUpToTheLongest() {
        Duration longest = Duration.ofSeconds(1);

        assertThat(WorkerPool.nextIdleWait(Duration.ofMillis(50), longest)).isEqualTo(Duration.ofMillis(100));
        assertThat(WorkerPool.nextIdleWait(Duration.ofMillis(800), longest)).isEqualTo(longest);
        assertThat(WorkerPool.nextIdleWait(longest, longest)).isEqualTo(longest);
    }

    @Test
    void anIdleWorkerAsksLessOftenTheLongerItFindsNothing() throws InterruptedException {
        AtomicInteger claims = new AtomicInteger();
        try (WorkerPool pool = new WorkerPool(() -> {
            claims.incrementAndGet();
            return 0;
        }, 1, Duration.ofMillis(10), A_MINUTE)) {
            pool.start();
            Thread.sleep(1_500);
        }

        // 10, 20, 40 … 640 ms: eight claims in 1.5 s at most, where a fixed 10 ms poll would have made ~150.
        assertThat(claims.get()).isBetween(1, 9);
    }

    @Test
    void announcedWorkIsClaimedAtOnceByAWaitingWorker() throws InterruptedException {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(2);
        try (WorkerPool pool = new WorkerPool(() -> {
            first.countDown();
            second.countDown();
            return 0;
        }, 1, A_MINUTE, A_MINUTE)) {
            pool.start();
            assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100);

            pool.wake();

            assertThat(second.await(10, TimeUnit.SECONDS)).as("a claim after the wake, long before the idle poll")
                    .isTrue();
        }
    }

    @Test
    void workAnnouncedWhileAWorkerWasClaimingIsNotMissed() throws InterruptedException {
        AtomicReference<WorkerPool> poolRef = new AtomicReference<>();
        CountDownLatch claims = new CountDownLatch(2);
        AtomicInteger calls = new AtomicInteger();
        WorkerPool pool = new WorkerPool(() -> {
            if (calls.incrementAndGet() == 1) {
                // Enqueued and announced after this claim looked, before the worker began to wait.
                poolRef.get().wake();
            }
            claims.countDown();
            return 0;
        }, 1, A_MINUTE, A_MINUTE);
        poolRef.set(pool);
        try (pool) {
            pool.start();

            assertThat(claims.await(10, TimeUnit.SECONDS)).as("the worker looked again instead of waiting a minute")
                    .isTrue();
        }
    }

    @Test
    void aWorkerThatFoundWorkAsksAgainWithoutWaiting() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch claims = new CountDownLatch(3);
        try (WorkerPool pool = new WorkerPool(() -> {
            claims.countDown();
            return calls.incrementAndGet() <= 2 ? 1 : 0;
        }, 1, A_MINUTE, A_MINUTE)) {
            pool.start();

            assertThat(claims.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
