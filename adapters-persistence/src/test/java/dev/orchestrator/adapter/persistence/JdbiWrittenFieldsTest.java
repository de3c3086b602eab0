package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.WrittenFields;
import dev.orchestrator.application.port.out.WrittenFields.Written;
import dev.orchestrator.application.testing.SequentialIds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbiWrittenFieldsTest {
    private static final Instant NOW = Instant.parse("2026-01-05T10:15:30Z");
    private final WrittenFields written = PersistenceAdapter.create(TestDatabase.fresh(),
            Clock.fixed(NOW, ZoneOffset.UTC), new SequentialIds()).writtenFields();

    @Test
    void what_was_written_is_found_by_record_and_field() {
        written.record("company", "7", List.of(new Written("industry", "software", "enrichment", "clearbit", 0.8, NOW)));

        assertThat(written.find("company", "7")).containsEntry("industry",
                new Written("industry", "software", "enrichment", "clearbit", 0.8, NOW));
    }

    @Test
    void a_later_write_of_a_field_replaces_the_earlier_one() {
        written.record("company", "7", List.of(new Written("industry", "software", "enrichment", "clearbit", 0.8, NOW)));

        written.record("company", "7", List.of(new Written("industry", "retail", "enrichment", "apollo", 0.6,
                NOW.plusSeconds(60))));

        assertThat(written.find("company", "7").get("industry").provider()).isEqualTo("apollo");
    }

    @Test
    void a_record_we_never_wrote_has_nothing() {
        assertThat(written.find("company", "8")).isEmpty();
    }
}
