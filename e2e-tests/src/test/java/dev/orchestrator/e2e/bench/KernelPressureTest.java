package dev.orchestrator.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelPressureTest {
    @Test
    void readsTheCumulativeWaitOfTheSomeLine() {
        String io = """
                some avg10=0.09 avg60=0.33 avg300=3.22 total=1712444996
                full avg10=0.08 avg60=0.20 avg300=0.68 total=608552912
                """;

        assertThat(KernelPressure.someTotal(io)).hasValue(1712444996L);
    }

    @Test
    void aFileWithoutASomeLineHasNoTotal() {
        assertThat(KernelPressure.someTotal("full avg10=0.00 total=12\n")).isEmpty();
    }

    @Test
    void describesTheMediansAndTheIntervalsWithTheMostIOWait() {
        Instant t = Instant.parse("2026-11-28T05:51:03.947Z");
        List<KernelPressure.Interval> seen = List.of(
                new KernelPressure.Interval(t.minusMillis(200), 100_000, 10_000, 90_000),
                new KernelPressure.Interval(t.minusMillis(100), 100_000, 20_000, 80_000),
                new KernelPressure.Interval(t, 100_000, 60_000, 70_000));

        assertThat(KernelPressure.describe(seen, 1)).isEqualTo("kernel pressure per 100 ms (share of it in which"
                + " some task waited): I/O median 20 %, CPU median 80 % (3 intervals); most I/O wait: 60 % at "
                + "2026-11-28T05:51:03.947Z");
    }
}
