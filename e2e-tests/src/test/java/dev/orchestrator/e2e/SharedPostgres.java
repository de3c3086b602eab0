package dev.orchestrator.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One PostgreSQL started by the test and shared by every server process it starts ({@code DATABASE_URL}), on a
 * fixed port and data directory so it can be stopped and started again under running servers.
 */
final class SharedPostgres implements AutoCloseable {
    static final String DATABASE = "orchestrator";
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private SharedPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static SharedPostgres start(Path dataDirectory) {
        SharedPostgres shared = new SharedPostgres(dataDirectory, freePort());
        shared.startServer();
        shared.execute("postgres", "create database " + DATABASE);
        return shared;
    }

    /** What a server process is given, with the settings that make its restarts and lease expiries quick. */
    Map<String, String> serverEnvironment() {
        return Map.of("DATABASE_URL", jdbcUrl(DATABASE), "WORKER_THREADS", "2", "DATABASE_POOL_SIZE", "8");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    /** A stop as an operator's restart does it ({@code pg_ctl stop -m fast}): sessions end, open work rolls back. */
    void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void startServer() {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(DATABASE));
    }

    long count(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row as text, or null when there is no row. */
    String text(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql) {
        execute(DATABASE, sql);
    }

    private void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Ends every session the servers hold on the database (as an operator or a failover would). */
    long terminateServerSessions() {
        return count("select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity "
                + "where datname = '" + DATABASE + "' and pid <> pg_backend_pid() and backend_type = 'client backend'");
    }

    /** How many sessions wait for a lock while running a statement that contains {@code fragment}. */
    long waitingOnLock(String fragment) {
        return count("select count(*) from pg_stat_activity where datname = '" + DATABASE + "' and wait_event_type = "
                + "'Lock' and query ilike '%" + fragment + "%'");
    }

    @Override
    public void close() {
        if (postgres != null) {
            stop();
        }
    }

    /** Polls until {@code condition} holds; fails naming {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            ServerProcess.sleep(100);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
