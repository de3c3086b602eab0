package dev.orchestrator.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * What the server's embedded PostgreSQL did, counted rather than timed: transactions, buffer accesses, rows written
 * and WAL, from its cumulative statistics ({@code pg_stat_database}, {@code pg_stat_wal}). The same code cost 1.7 to
 * 2.4 times more CPU a lead from one day to the next on this kind of machine (BENCHMARKS.md §2k), so a change's
 * effect on throughput cannot be told from one run on one day; these counts do not depend on the machine's speed,
 * and two runs compare on them whatever day each ran.
 *
 * <p>PostgreSQL 14's backends report their counts at the end of a transaction at most every half second, so a
 * snapshot taken right after a drain may miss the last half second of an idle connection; over a drain of a minute
 * that is under 1 %. The benchmark's own {@code /metrics} looks are counted too (a few buffer accesses a lead).
 */
final class DatabaseWork {
    private final Counters counters;

    /** The figures in the order they are read and printed. */
    private record Counters(long transactions, long bufferHits, long bufferReads, long inserted, long updated,
            long deleted, long walRecords, long walFullPages, long walBytes) {
        Counters minus(Counters before) {
            return new Counters(transactions - before.transactions, bufferHits - before.bufferHits,
                    bufferReads - before.bufferReads, inserted - before.inserted, updated - before.updated,
                    deleted - before.deleted, walRecords - before.walRecords, walFullPages - before.walFullPages,
                    walBytes - before.walBytes);
        }
    }

    private DatabaseWork(Counters counters) {
        this.counters = counters;
    }

    /**
     * The counts so far of the PostgreSQL running on {@code pgData} (the server's {@code <data-dir>/pg}); empty when
     * none runs there (a server given {@code DATABASE_URL}) or it cannot be reached.
     */
    static Optional<DatabaseWork> read(Path pgData) {
        Optional<Integer> port = port(pgData.resolve("postmaster.pid"));
        if (port.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port.get() + "/postgres", "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        select d.xact_commit + d.xact_rollback, d.blks_hit, d.blks_read, d.tup_inserted,
                            d.tup_updated, d.tup_deleted, w.wal_records, w.wal_fpi, w.wal_bytes::bigint
                        from pg_stat_database d cross join pg_stat_wal w
                        where d.datname = current_database()""")) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new DatabaseWork(new Counters(row.getLong(1), row.getLong(2), row.getLong(3),
                    row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9))));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** The port on the fourth line of PostgreSQL's {@code postmaster.pid}, while it runs. */
    static Optional<Integer> port(Path postmasterPid) {
        try {
            List<String> lines = Files.readAllLines(postmasterPid);
            return lines.size() < 4 ? Optional.empty() : Optional.of(Integer.parseInt(lines.get(3).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The work per unit between two snapshots, e.g. "database work per lead: 13.0 transactions, 1,204 buffer
     * accesses (0.2 % read from outside shared buffers), rows 17.1 inserted / 3.0 updated / 2.2 deleted, WAL 201
     * records, 27.5 KB, 1.1 full-page images".
     */
    static String describe(Optional<DatabaseWork> before, Optional<DatabaseWork> after, double units, String unit) {
        if (before.isEmpty() || after.isEmpty() || units <= 0) {
            return "database work per " + unit + ": not measured (no embedded PostgreSQL reached)";
        }
        Counters spent = after.get().counters.minus(before.get().counters);
        long accesses = spent.bufferHits() + spent.bufferReads();
        return String.format("database work per %s: %.1f transactions, %,.0f buffer accesses (%.1f %% read from outside"
                + " shared buffers), rows %.1f inserted / %.1f updated / %.1f deleted, WAL %.0f records, %.1f KB,"
                + " %.2f full-page images", unit, spent.transactions() / units, accesses / units,
                accesses == 0 ? 0 : 100.0 * spent.bufferReads() / accesses, spent.inserted() / units,
                spent.updated() / units, spent.deleted() / units, spent.walRecords() / units,
                spent.walBytes() / 1024.0 / units, spent.walFullPages() / units);
    }
}
