package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void theEmbeddedServerIsDurable(@TempDir Path dataDir) {
        try (Database database = Database.open(Optional.empty(), dataDir, 2)) {
            Jdbi jdbi = Jdbi.create(database.dataSource());

            String fsync = jdbi.withHandle(h -> h.createQuery("show fsync").mapTo(String.class).one());
            String syncCommit = jdbi.withHandle(h -> h.createQuery("show synchronous_commit").mapTo(String.class).one());
            assertThat(fsync).isEqualTo("on");
            assertThat(syncCommit).isEqualTo("on");
        }
    }

    @Test
    void theEmbeddedServerHasRoomForItsHotIndexesAndCheckpointsRarely(@TempDir Path dataDir) {
        try (Database database = Database.open(Optional.empty(), dataDir, 2)) {
            Jdbi jdbi = Jdbi.create(database.dataSource());

            String buffers = jdbi.withHandle(h -> h.createQuery("show shared_buffers").mapTo(String.class).one());
            String wal = jdbi.withHandle(h -> h.createQuery("show max_wal_size").mapTo(String.class).one());

            assertThat(buffers).isEqualTo(EmbeddedPostgresServer.SHARED_BUFFERS);
            assertThat(wal).isEqualTo(EmbeddedPostgresServer.MAX_WAL_SIZE);
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
