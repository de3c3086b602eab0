package dev.orchestrator.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a server's CPU went, read from Linux's {@code /proc}: its JVM's threads grouped by what they do (workers,
 * JIT compiler, garbage collector, the rest) and its embedded PostgreSQL (the postmaster started on the server's
 * data directory and its children: the backends serving connections; autovacuum, live workers and the children that
 * have exited, which are mostly autovacuum's; and the rest: checkpointer, WAL writer, background writer, launchers).
 * Two snapshots give the CPU a phase cost, which says whether a throughput figure was paid in pipeline work or in
 * compiling it, and whether PostgreSQL's part was queries or housekeeping. Elsewhere than Linux nothing is
 * read and {@link #describe} says the CPU was not measured.
 */
final class ServerCpu {
    /** Linux's USER_HZ, the unit of /proc's CPU times, on every architecture the JDK runs on. */
    private static final double TICK_MICROS = 10_000;
    private static final List<String> PARTS = List.of("workers", "JIT compiler", "GC", "other JVM threads",
            "PostgreSQL");
    /** The titles PostgreSQL 14 gives its own processes; every other child serves a connection. */
    private static final List<String> BACKGROUND = List.of("checkpointer", "background writer", "walwriter",
            "autovacuum launcher", "stats collector", "logical replication launcher", "archiver");

    /** CPU ticks by JVM thread id (the part it belongs to beside it), and PostgreSQL's by kind of process. */
    private final Map<String, ThreadTicks> threads;
    private final PostgresTicks postgres;
    private final boolean measured;

    private record ThreadTicks(String part, long ticks) {
    }

    private record PostgresTicks(long backends, long autovacuum, long background) {
        static final PostgresTicks NONE = new PostgresTicks(0, 0, 0);

        long total() {
            return backends + autovacuum + background;
        }

        PostgresTicks minus(PostgresTicks before) {
            return new PostgresTicks(backends - before.backends, autovacuum - before.autovacuum,
                    background - before.background);
        }
    }

    private ServerCpu(Map<String, ThreadTicks> threads, PostgresTicks postgres, boolean measured) {
        this.threads = threads;
        this.postgres = postgres;
        this.measured = measured;
    }

    static ServerCpu read(long jvmPid, Path dataDir) {
        Map<String, ThreadTicks> threads = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(jvmPid), "task"))) {
            tasks.forEach(task -> {
                Stat stat = Stat.of(task.resolve("stat"));
                if (stat != null) {
                    threads.put(task.getFileName().toString(), new ThreadTicks(part(stat.name()), stat.own()));
                }
            });
        } catch (IOException | RuntimeException e) {
            return new ServerCpu(Map.of(), PostgresTicks.NONE, false);
        }
        return new ServerCpu(threads, postgres(dataDir), true);
    }

    private static String part(String thread) {
        if (thread.startsWith("worker-")) {
            return "workers";
        }
        if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
            return "JIT compiler";
        }
        if (thread.startsWith("GC ") || thread.startsWith("G1 ")) {
            return "GC";
        }
        return "other JVM threads";
    }

    /**
     * The postmaster whose command line names the data directory, its children by their process titles, and its
     * reaped children (counted with autovacuum: its workers come and go, backends stay while the pool does).
     */
    private static PostgresTicks postgres(Path dataDir) {
        String dir = " " + dataDir.toAbsolutePath() + "/";
        Map<Long, Stat> processes = new LinkedHashMap<>();
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                Stat stat = Stat.of(p.resolve("stat"));
                if (stat != null) {
                    processes.put(Long.parseLong(p.getFileName().toString()), stat);
                }
            });
        } catch (IOException e) {
            return PostgresTicks.NONE;
        }
        // Only a process named postgres can be the postmaster: its command line is read, no other's.
        Optional<Long> postmaster = processes.entrySet().stream()
                .filter(e -> e.getValue().name().equals("postgres")
                        && commandLine(Path.of("/proc", e.getKey().toString())).contains(dir))
                .map(Map.Entry::getKey).findFirst();
        if (postmaster.isEmpty()) {
            return PostgresTicks.NONE;
        }
        Stat main = processes.get(postmaster.get());
        long backends = 0;
        long autovacuum = main.children();
        long background = main.own();
        for (Map.Entry<Long, Stat> child : processes.entrySet()) {
            if (child.getValue().parent() != postmaster.get()) {
                continue;
            }
            String title = commandLine(Path.of("/proc", child.getKey().toString())).strip();
            if (title.startsWith("postgres: autovacuum worker")) {
                autovacuum += child.getValue().own();
            } else if (BACKGROUND.stream().anyMatch(name -> title.startsWith("postgres: " + name))) {
                background += child.getValue().own();
            } else {
                backends += child.getValue().own();
            }
        }
        return new PostgresTicks(backends, autovacuum, background);
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * CPU per unit of work between {@code before} and this snapshot, e.g. "workers 2,363 µs, JIT compiler 439 µs,
     * … (total 6.5 ms)".
     */
    String describe(ServerCpu before, double units, String unit) {
        if (!measured || !before.measured || units <= 0) {
            return "CPU per " + unit + ": not measured (needs Linux /proc)";
        }
        // Per thread, so a thread that ended in between (an idle HTTP thread) takes no ticks away from its part.
        Map<String, Long> ticks = new LinkedHashMap<>();
        PARTS.forEach(part -> ticks.put(part, 0L));
        threads.forEach((id, now) -> {
            ThreadTicks then = before.threads.get(id);
            ticks.merge(now.part(), now.ticks() - (then == null ? 0 : then.ticks()), Long::sum);
        });
        PostgresTicks postgresSpent = postgres.minus(before.postgres);
        ticks.put("PostgreSQL", postgresSpent.total());
        StringBuilder line = new StringBuilder("CPU per " + unit + ":");
        double total = 0;
        for (String part : PARTS) {
            double micros = ticks.get(part) * TICK_MICROS / units;
            total += micros;
            line.append(String.format(" %s %,.0f µs,", part, micros));
        }
        line.setLength(line.length() - 1);
        line.append(String.format(
                " (backends %,.0f, autovacuum and exited %,.0f, checkpointer, WAL writer and the rest %,.0f)",
                postgresSpent.backends() * TICK_MICROS / units, postgresSpent.autovacuum() * TICK_MICROS / units,
                postgresSpent.background() * TICK_MICROS / units));
        return line.append(String.format(" (total %.1f ms; %d cores give at most %,.0f %ss per second at this cost)",
                total / 1000, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors() * 1e6 / total, unit)).toString();
    }

    /** The fields of one {@code /proc/<pid>/stat} line this class reads. */
    private record Stat(String name, long parent, long own, long children) {
        static Stat of(Path file) {
            String line;
            try {
                line = Files.readString(file);
            } catch (IOException e) {
                return null; // the process or thread ended between listing and reading
            }
            // The name is in parentheses and may itself hold spaces or parentheses: the fields follow the last ')'.
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).split(" ");
            return new Stat(line.substring(open + 1, close), Long.parseLong(rest[1]),
                    Long.parseLong(rest[11]) + Long.parseLong(rest[12]),
                    Long.parseLong(rest[13]) + Long.parseLong(rest[14]));
        }
    }
}
