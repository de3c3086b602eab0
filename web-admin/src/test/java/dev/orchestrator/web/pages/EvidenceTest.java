package dev.orchestrator.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    @Test
    void conditionEntriesBecomeRowsWithTheirMarkAndTheValuesTheyRead() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("from", "lead");
        raw.put("condition.1.expr", "score.fit >= 30");
        raw.put("condition.1.result", "true");
        raw.put("condition.1.values.score.fit", "35");
        raw.put("condition.2.expr", "company.employees >= 200");
        raw.put("condition.2.result", "false");
        raw.put("condition.2.values", "120");

        Evidence evidence = Evidence.of(raw);

        assertThat(evidence.conditions()).extracting(Evidence.Condition::expr, Evidence.Condition::mark)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("score.fit >= 30", "✓"),
                        org.assertj.core.groups.Tuple.tuple("company.employees >= 200", "✗"));
        assertThat(evidence.conditions().get(0).values()).extracting(Evidence.Entry::key, Evidence.Entry::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("score.fit", "35"));
        assertThat(evidence.entries()).extracting(Evidence.Entry::key).containsExactly("from");
    }

    @Test
    void anyOtherKeyEndingInResultIsMarked() {
        Evidence evidence = Evidence.of(Map.of("check.consent.result", "false"));

        assertThat(evidence.entries()).singleElement().satisfies(e -> {
            assertThat(e.mark()).isEqualTo("✗");
            assertThat(e.value()).isEqualTo("false");
        });
    }

    @Test
    void conditionsAreOrderedByNumberNotByText() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("condition.10.expr", "ten");
        raw.put("condition.2.expr", "two");

        assertThat(Evidence.of(raw).conditions()).extracting(Evidence.Condition::expr).containsExactly("two", "ten");
    }
}
