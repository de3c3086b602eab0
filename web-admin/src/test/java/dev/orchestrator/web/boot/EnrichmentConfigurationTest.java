package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.enrichment.ProviderPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichmentConfigurationTest {

    @Test
    void aProviderIsSwitchedOffFromTheEnvironment() {
        assertThat(Orchestrator.providerPolicy(Map.of("ENRICHMENT_CLEARBIT_ENABLED", "false"), "clearbit").enabled())
                .isFalse();
    }

    @Test
    void aDailyBudgetAndATimeoutComeFromTheEnvironment() {
        ProviderPolicy policy = Orchestrator.providerPolicy(Map.of("ENRICHMENT_APOLLO_DAILY_BUDGET", "500",
                "ENRICHMENT_APOLLO_TIMEOUT_MS", "750"), "apollo");

        assertThat(policy.dailyBudget()).hasValue(500);
        assertThat(policy.timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(policy.enabled()).isTrue();
    }

    @Test
    void aBudgetThatIsNotAPositiveNumberStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> Orchestrator.providerPolicy(Map.of("ENRICHMENT_APOLLO_DAILY_BUDGET", "lots"), "apollo"))
                .hasMessageContaining("ENRICHMENT_APOLLO_DAILY_BUDGET");
    }
}
