package dev.orchestrator.adapter.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for each test that asks: on one embedded PostgreSQL per test JVM, or on the server
 * {@code DATABASE_URL} names ({@code postgres://user:pass@host:port/db}) when it is set.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static PGSimpleDataSource admin;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    /** A fresh database as a JDBC URL, for code that opens its own pool (the composition root). */
    public static synchronized String freshUrl() {
        PGSimpleDataSource dataSource = (PGSimpleDataSource) fresh();
        String url = "jdbc:postgresql://" + dataSource.getServerNames()[0] + ":" + dataSource.getPortNumbers()[0] + "/"
                + dataSource.getDatabaseName() + "?user=" + dataSource.getUser();
        return dataSource.getPassword() == null ? url : url + "&password=" + dataSource.getPassword();
    }

    public static synchronized DataSource fresh() {
        PGSimpleDataSource server = admin();
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(server.getServerNames());
        dataSource.setPortNumbers(server.getPortNumbers());
        dataSource.setUser(server.getUser());
        dataSource.setPassword(server.getPassword());
        dataSource.setDatabaseName(name);
        return dataSource;
    }

    private static PGSimpleDataSource admin() {
        if (admin != null) {
            return admin;
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        String url = System.getenv("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
            dataSource.setServerNames(new String[] {uri.getHost()});
            dataSource.setPortNumbers(new int[] {uri.getPort() < 0 ? 5432 : uri.getPort()});
            if (uri.getUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                dataSource.setUser(parts[0]);
                if (parts.length > 1) {
                    dataSource.setPassword(parts[1]);
                }
            }
            dataSource.setDatabaseName(uri.getPath().replaceFirst("^/", ""));
        } else {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL for tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is ending; zonky's own hook cleans up as well
                }
            }));
            dataSource.setServerNames(new String[] {"localhost"});
            dataSource.setPortNumbers(new int[] {embedded.getPort()});
            dataSource.setUser("postgres");
            dataSource.setDatabaseName("postgres");
        }
        admin = dataSource;
        return admin;
    }
}
