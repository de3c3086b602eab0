package dev.orchestrator.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The kernel's pressure counters (Linux PSI: {@code /proc/pressure/io} and {@code cpu}) sampled every 100 ms while a
 * phase runs, to tell what held the machine when a phase's slowest leads waited: the share of each interval in which
 * some task waited for I/O (here, mostly the intake's commits waiting for their WAL flush) or for a CPU. Read in this
 * process by file reads, so the sampling itself costs next to nothing.
 */
final class KernelPressure implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Path IO = Path.of("/proc/pressure/io");
    private static final Path CPU = Path.of("/proc/pressure/cpu");

    /** One interval: when it ended, and for how many microseconds of it some task waited for I/O or a CPU. */
    record Interval(Instant end, long micros, long ioWaitMicros, long cpuWaitMicros) {
        double ioShare() {
            return micros == 0 ? 0 : (double) ioWaitMicros / micros;
        }

        double cpuShare() {
            return micros == 0 ? 0 : (double) cpuWaitMicros / micros;
        }
    }

    private final List<Interval> intervals = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private KernelPressure() {
        sampler = new Thread(this::sample, "kernel-pressure");
        sampler.setDaemon(true);
    }

    /** Starts sampling; empty where the kernel keeps no pressure counters (not Linux, or PSI off). */
    static Optional<KernelPressure> start() {
        if (read(IO).isEmpty() || read(CPU).isEmpty()) {
            return Optional.empty();
        }
        KernelPressure pressure = new KernelPressure();
        pressure.sampler.start();
        return Optional.of(pressure);
    }

    /** The cumulative microseconds in a pressure file's "some" line ({@code some avg10=… total=N}). */
    static OptionalLong someTotal(String content) {
        for (String line : content.split("\n")) {
            if (line.startsWith("some ")) {
                for (String field : line.split(" ")) {
                    if (field.startsWith("total=")) {
                        return OptionalLong.of(Long.parseLong(field.substring("total=".length())));
                    }
                }
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong read(Path file) {
        try {
            return someTotal(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private void sample() {
        long io = read(IO).orElse(0);
        long cpu = read(CPU).orElse(0);
        long at = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            long nextIo = read(IO).orElse(io);
            long nextCpu = read(CPU).orElse(cpu);
            long now = System.nanoTime();
            synchronized (intervals) {
                intervals.add(new Interval(Instant.now(), (now - at) / 1000, nextIo - io, nextCpu - cpu));
            }
            io = nextIo;
            cpu = nextCpu;
            at = now;
        }
    }

    /** The line a benchmark prints: median shares, and the intervals with the most I/O wait. */
    String describe(int worst) {
        List<Interval> seen;
        synchronized (intervals) {
            seen = List.copyOf(intervals);
        }
        return describe(seen, worst);
    }

    static String describe(List<Interval> seen, int worst) {
        if (seen.isEmpty()) {
            return "kernel pressure: no interval sampled";
        }
        String worstIo = seen.stream().sorted(Comparator.comparingDouble(Interval::ioShare).reversed()).limit(worst)
                .map(i -> String.format("%.0f %% at %s", 100 * i.ioShare(), i.end()))
                .collect(Collectors.joining(", "));
        return String.format("kernel pressure per 100 ms (share of it in which some task waited): I/O median %.0f %%, "
                + "CPU median %.0f %% (%d intervals); most I/O wait: %s", 100 * median(seen, Interval::ioShare),
                100 * median(seen, Interval::cpuShare), seen.size(), worstIo);
    }

    private static double median(List<Interval> seen, java.util.function.ToDoubleFunction<Interval> share) {
        double[] values = seen.stream().mapToDouble(share).sorted().toArray();
        return values[values.length / 2];
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
