package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void theEmbeddedServerIsDurable(@TempDir Path dataDir) {
        assertThat(settings(dataDir, "fsync", "synchronous_commit")).containsExactly("on", "on");
    }

    @Test
    void theEmbeddedServerHasRoomForItsHotIndexesAndCheckpointsRarely(@TempDir Path dataDir) {
        assertThat(settings(dataDir, "shared_buffers", "max_wal_size"))
                .containsExactly(EmbeddedPostgresServer.SHARED_BUFFERS, EmbeddedPostgresServer.MAX_WAL_SIZE);
    }

    @Test
    void theEmbeddedServerLogsItsCheckpointsToFilesInItsDataDirectory(@TempDir Path dataDir) throws Exception {
        try (Database database = Database.open(Optional.empty(), dataDir, 2)) {
            Jdbi.create(database.dataSource()).useHandle(h -> h.execute("checkpoint"));
        }

        Path logs = dataDir.resolve("pg").resolve(EmbeddedPostgresServer.LOG_DIRECTORY);
        try (Stream<Path> files = Files.list(logs)) {
            assertThat(files.map(file -> read(file)).collect(Collectors.joining()))
                    .contains("checkpoint starting: immediate force wait");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded server's values of the named settings, as {@code show} gives them. */
    private static List<String> settings(Path dataDir, String... names) {
        try (Database database = Database.open(Optional.empty(), dataDir, 2)) {
            Jdbi jdbi = Jdbi.create(database.dataSource());
            return Stream.of(names)
                    .map(name -> jdbi.withHandle(h -> h.createQuery("show " + name).mapTo(String.class).one()))
                    .toList();
        }
    }

    @Test
    void dataSurvivesARestartOnTheSameDirectory(@TempDir Path dataDir) {
        try (Database database = Database.open(Optional.empty(), dataDir, 2)) {
            Jdbi.create(database.dataSource()).useHandle(h -> h.execute("create table kept (v int); insert into kept values (42)"));
        }
        try (Database database = Database.open(Optional.empty(), dataDir, 2)) {
            int kept = Jdbi.create(database.dataSource())
                    .withHandle(h -> h.createQuery("select v from kept").mapTo(Integer.class).one());
            assertThat(kept).isEqualTo(42);
        }
    }

    @Test
    void databaseUrlsInHerokuFormBecomeJdbcSettings() {
        Database.JdbcSettings settings = Database.jdbc("postgres://orch:s%40cret@db.internal:6543/orchestrator?sslmode=require");

        assertThat(settings.url()).isEqualTo("jdbc:postgresql://db.internal:6543/orchestrator?sslmode=require");
        assertThat(settings.user()).isEqualTo("orch");
        assertThat(settings.password()).isEqualTo("s@cret");
        assertThat(settings.toString()).doesNotContain("s@cret");
    }
}
