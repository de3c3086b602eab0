package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobLeaseConfigurationTest {

    @Test
    void aClaimedJobIsLeasedForFiveMinutesUnlessTheEnvironmentSaysOtherwise() {
        assertThat(Orchestrator.jobLease(Map.of())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theLeaseComesFromJobLeaseSeconds() {
        assertThat(Orchestrator.jobLease(Map.of("JOB_LEASE_SECONDS", "20"))).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aLeaseThatIsNotAPositiveNumberStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> Orchestrator.jobLease(Map.of("JOB_LEASE_SECONDS", "0")))
                .hasMessageContaining("JOB_LEASE_SECONDS");
    }
}
