package dev.orchestrator.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The database the service runs on: the one {@code DATABASE_URL} names, or else an embedded PostgreSQL kept in
 * the data directory (durable, and recovered after a crash). Closing it closes the pool and stops the embedded
 * server.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final Optional<EmbeddedPostgresServer> embedded;

    private Database(HikariDataSource pool, Optional<EmbeddedPostgresServer> embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /**
     * @param databaseUrl {@code postgres://user:pass@host:port/db} or a {@code jdbc:postgresql:} URL; empty for
     *                    the embedded server
     */
    public static Database open(Optional<String> databaseUrl, Path dataDirectory, int poolSize) {
        if (databaseUrl.isPresent()) {
            return new Database(pool(jdbc(databaseUrl.get()), poolSize), Optional.empty());
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory.resolve("pg"));
        try {
            return new Database(pool(server.jdbcSettings(), poolSize), Optional.of(server));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public String describe() {
        return embedded.map(EmbeddedPostgresServer::describe).orElse("external PostgreSQL");
    }

    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }

    record JdbcSettings(String url, String user, String password) {
        @Override
        public String toString() {
            return "JdbcSettings[url=" + url + ", user=" + user + ", password=***]";
        }
    }

    static JdbcSettings jdbc(String databaseUrl) {
        if (databaseUrl.startsWith("jdbc:")) {
            return new JdbcSettings(databaseUrl, null, null);
        }
        URI uri = URI.create(databaseUrl);
        if (!("postgres".equals(uri.getScheme()) || "postgresql".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("DATABASE_URL must be postgres://… or jdbc:postgresql://…");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new JdbcSettings("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query, user,
                password);
    }

    private static HikariDataSource pool(JdbcSettings settings, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("orchestrator");
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}
