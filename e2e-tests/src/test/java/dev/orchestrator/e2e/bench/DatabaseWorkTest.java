package dev.orchestrator.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseWorkTest {
    @TempDir
    Path temp;

    @Test
    void countsTheRowsAndTransactionsOfTheWorkBetweenTwoSnapshots() throws Exception {
        Path pgData = temp.resolve("pg");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).start()) {
            run(postgres, "create table leads (id int primary key, email text)");
            Optional<DatabaseWork> before = DatabaseWork.read(pgData);

            try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                    Statement statement = connection.createStatement()) {
                for (int i = 0; i < 100; i++) {
                    statement.execute("insert into leads select g, 'lead' || g || '@example.com' from generate_series("
                            + (i * 10 + 1) + ", " + (i * 10 + 10) + ") g");
                }
            }
            String described = awaitCounted(pgData, before, "rows 10.");

            // 100 inserts of ten rows each, counted per insert: ten rows, one transaction (and the snapshots' own few).
            assertThat(described).containsPattern("^database work per insert: 1\\.\\d transactions,")
                    .containsPattern("rows 10\\.\\d inserted / 0\\.0 updated / 0\\.0 deleted")
                    .containsPattern("WAL \\d+ records");
        }
    }

    @Test
    void saysNotMeasuredWhereNoPostgresRuns() throws Exception {
        Path nothing = Files.createDirectories(temp.resolve("no-pg"));

        assertThat(DatabaseWork.read(nothing)).isEmpty();
        assertThat(DatabaseWork.describe(DatabaseWork.read(nothing), DatabaseWork.read(nothing), 10, "lead"))
                .isEqualTo("database work per lead: not measured (no embedded PostgreSQL reached)");
    }

    @Test
    void readsThePortFromTheFourthLineOfThePostmasterPidFile() throws Exception {
        Path pid = Files.writeString(temp.resolve("postmaster.pid"), "4242\n/data/pg\n1700000000\n54321\n/tmp\n");

        assertThat(DatabaseWork.port(pid)).contains(54321);
        assertThat(DatabaseWork.port(temp.resolve("absent.pid"))).isEmpty();
    }

    /** Backends report their counts at most every half second: waits until the inserts show, up to 10 s. */
    private static String awaitCounted(Path pgData, Optional<DatabaseWork> before, String expected)
            throws InterruptedException {
        String described = "";
        for (int attempt = 0; attempt < 50 && !described.contains(expected); attempt++) {
            Thread.sleep(200);
            described = DatabaseWork.describe(before, DatabaseWork.read(pgData), 100, "insert");
        }
        return described;
    }

    private static void run(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
