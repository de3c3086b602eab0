package dev.orchestrator.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * zonky's embedded PostgreSQL made fit for keeping data: a fixed data directory that is never cleaned, fsync
 * and synchronous commit on (zonky turns both off), and recovery from a {@code kill -9} of the JVM, after which
 * zonky's postgres lives on as an orphan holding {@code postmaster.pid} and a restart would fail.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String ZONKY_LOCK = "epg-lock";
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    static final String SHARED_BUFFERS = "512MB";
    static final String MAX_WAL_SIZE = "4GB";
    /** Relative to PostgreSQL's data directory ({@code <data-dir>/pg}). */
    static final String LOG_DIRECTORY = "log";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            refuseIfInUse(dataDirectory);
            stopOrphan(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    // PostgreSQL's own default is 128 MB; past about 100,000 leads the identity and audit indexes
                    // outgrow it and every lead pays for pages read back in (BENCHMARKS.md §2e: 5.1 → 4.4 ms of
                    // PostgreSQL CPU per lead with 512 MB). Only pages in use take memory.
                    .setServerConfig("shared_buffers", SHARED_BUFFERS)
                    // With the default 1 GB a flood of leads forced a checkpoint about every 50 s, each writing
                    // out most of the buffer pool and doubling the WAL with full-page images afterwards.
                    .setServerConfig("max_wal_size", MAX_WAL_SIZE)
                    // PostgreSQL's own log, in the data directory as any installation keeps it (zonky's relay of it
                    // is silenced in our logs: it would carry statement details). A week of files, one a weekday,
                    // each overwritten a week on; checkpoints and slow autovacuums are in it, to explain a stall.
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", LOG_DIRECTORY)
                    .setServerConfig("log_filename", "postgresql-%a.log")
                    .setServerConfig("log_truncate_on_rotation", "on")
                    .setServerConfig("log_rotation_age", "1d")
                    .setServerConfig("log_rotation_size", "0")
                    .setServerConfig("log_checkpoints", "on")
                    .setServerConfig("log_autovacuum_min_duration", "1s")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    Database.JdbcSettings jdbcSettings() {
        return new Database.JdbcSettings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    String describe() {
        return "embedded PostgreSQL in " + dataDirectory.toAbsolutePath() + " (port " + postgres.getPort() + ")";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /** A live JVM holds zonky's file lock on the data directory; a dead one's lock is gone with it. */
    private static void refuseIfInUse(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(ZONKY_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                FileLock lock = file.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("the data directory " + dataDirectory.toAbsolutePath()
                        + " is in use by another running orchestrator; stop it or choose another --data-dir");
            }
        }
    }

    /**
     * If {@code postmaster.pid} names a running postgres serving this directory, no live JVM owns it (the lock
     * check above passed): it is the orphan of a killed instance. Stop it (SIGTERM, then SIGKILL) so the server
     * can start again on the same data; PostgreSQL's crash recovery replays the WAL.
     */
    private static void stopOrphan(Path dataDirectory) {
        Optional<Long> pid = postmasterPid(dataDirectory);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresServer::isPostgres);
        if (process.isEmpty()) {
            return;
        }
        LOG.warn("found an orphaned embedded PostgreSQL (pid {}) on {}: stopping it before start-up", pid.get(),
                dataDirectory.toAbsolutePath());
        ProcessHandle orphan = process.get();
        orphan.destroy();
        if (!waitForExit(orphan, ORPHAN_STOP_WAIT)) {
            LOG.warn("orphaned PostgreSQL (pid {}) ignored SIGTERM for {} s: killing it", pid.get(),
                    ORPHAN_STOP_WAIT.toSeconds());
            orphan.descendants().forEach(ProcessHandle::destroyForcibly);
            orphan.destroyForcibly();
            waitForExit(orphan, ORPHAN_STOP_WAIT);
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(true);
    }

    private static Optional<Long> postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
