package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.in.Dashboard.FunnelStep;
import dev.orchestrator.domain.crm.LifecycleStage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardFunnelTest {

    @Test
    void eachStepCountsTheContactsThatReachedItOrWentBeyondWithTheConversionFromThePreviousStep() {
        List<FunnelStep> funnel = DashboardService.funnel(Map.of(LifecycleStage.LEAD, 60L, LifecycleStage.MQL, 20L,
                LifecycleStage.SQL, 15L, LifecycleStage.CUSTOMER, 5L));

        assertThat(funnel).containsExactly(
                new FunnelStep(LifecycleStage.LEAD, 100, Optional.empty()),
                new FunnelStep(LifecycleStage.MQL, 40, Optional.of(0.4)),
                new FunnelStep(LifecycleStage.SQL, 20, Optional.of(0.5)),
                new FunnelStep(LifecycleStage.OPPORTUNITY, 5, Optional.of(0.25)),
                new FunnelStep(LifecycleStage.CUSTOMER, 5, Optional.of(1.0)));
    }

    @Test
    void nurturedAndDisqualifiedContactsCountAsLeadsOnly() {
        List<FunnelStep> funnel = DashboardService.funnel(Map.of(LifecycleStage.NURTURE, 3L,
                LifecycleStage.DISQUALIFIED, 1L));

        assertThat(funnel.get(0).reached()).isEqualTo(4);
        assertThat(funnel.get(1).reached()).isZero();
    }

    @Test
    void aStepAfterAnEmptyOneHasNoConversion() {
        List<FunnelStep> funnel = DashboardService.funnel(Map.of());

        assertThat(funnel).allSatisfy(step -> assertThat(step.conversionFromPrevious()).isEmpty());
    }
}
