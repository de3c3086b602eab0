package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.outbound.OutboundUrlPolicy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionSettingsTest {

    @Test
    void jobsGetFiveAttemptsUnlessTheEnvironmentSaysOtherwise() {
        assertThat(ActionWiring.maxAttempts(Map.of())).isEqualTo(5);
        assertThat(ActionWiring.maxAttempts(Map.of("JOB_MAX_ATTEMPTS", "2"))).isEqualTo(2);
    }

    @Test
    void anAttemptCountThatIsNotPositiveStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> ActionWiring.maxAttempts(Map.of("JOB_MAX_ATTEMPTS", "0")))
                .isInstanceOf(Settings.ConfigurationError.class).hasMessageContaining("JOB_MAX_ATTEMPTS");
    }

    @Test
    void theBackoffBaseAndCapComeFromTheEnvironment() {
        var policy = ActionWiring.errorPolicy(Map.of("JOB_BACKOFF_BASE_MS", "100", "JOB_BACKOFF_CAP_MS", "400"));

        assertThat(policy.backoff(10, Optional.empty())).isLessThanOrEqualTo(java.time.Duration.ofMillis(400));
    }

    @Test
    void anInternalReceiverIsLetThroughOnlyWhenItsHostIsListed() {
        assertThat(ActionWiring.outboundPolicy(Map.of()).check("http://localhost:9/hook"))
                .isInstanceOf(OutboundUrlPolicy.Refused.class);
        assertThat(ActionWiring.outboundPolicy(Map.of("OUTBOUND_ALLOWED_HOSTS", "LocalHost")).check("http://localhost:9/hook"))
                .isInstanceOf(OutboundUrlPolicy.Allowed.class);
    }
}
