package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import java.util.List;

/** The funnel order; nurture and disqualified sit beside it, so moving into them is never "backward". */
public final class StageOrder {
    private static final List<LifecycleStage> FUNNEL = List.of(LifecycleStage.SUBSCRIBER, LifecycleStage.LEAD,
            LifecycleStage.MQL, LifecycleStage.SQL, LifecycleStage.OPPORTUNITY, LifecycleStage.CUSTOMER);

    private StageOrder() {
    }

    public static boolean isBackward(LifecycleStage from, LifecycleStage to) {
        int source = FUNNEL.indexOf(from);
        int target = FUNNEL.indexOf(to);
        return source >= 0 && target >= 0 && target < source;
    }
}
