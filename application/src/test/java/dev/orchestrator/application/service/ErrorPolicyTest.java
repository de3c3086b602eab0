package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorPolicyTest {

    @Test
    void theWaitGrowsExponentiallyUnderFullJitter() {
        ErrorPolicy ceiling = new ErrorPolicy(Duration.ofSeconds(2), Duration.ofMinutes(30), () -> 1.0);

        assertThat(ceiling.backoff(1, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(ceiling.backoff(3, Optional.empty())).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void theWaitNeverExceedsTheCap() {
        ErrorPolicy ceiling = new ErrorPolicy(Duration.ofSeconds(2), Duration.ofMinutes(30), () -> 1.0);

        assertThat(ceiling.backoff(30, Optional.empty())).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitterPicksAPointBetweenZeroAndTheCeiling() {
        ErrorPolicy half = new ErrorPolicy(Duration.ofSeconds(2), Duration.ofMinutes(30), () -> 0.5);

        assertThat(half.backoff(3, Optional.empty())).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsHonoured() {
        ErrorPolicy none = new ErrorPolicy(Duration.ofSeconds(2), Duration.ofMinutes(30), () -> 0.0);

        assertThat(none.backoff(1, Optional.of(Duration.ofSeconds(10)))).isEqualTo(Duration.ofSeconds(10));
    }
}
