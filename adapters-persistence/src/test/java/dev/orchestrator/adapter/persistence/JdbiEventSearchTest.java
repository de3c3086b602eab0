package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.EventCursor;
import dev.orchestrator.application.port.out.EventFilter;
import dev.orchestrator.application.port.out.EventSearch;
import dev.orchestrator.application.port.out.EventSummary;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiEventSearchTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private final MutableClock clock = MutableClock.at("2026-01-05T12:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private EventSearch search;
    private StoredEvents stored;

    @BeforeEach
    void setUp() {
        PersistenceAdapter persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        search = persistence.eventSearch();
        stored = new StoredEvents(persistence);
    }

    @Test
    void anEmailFindsOnlyThatPersonsEvents() {
        UUID jane = stored.event(ids.newId(), "form", T0, Optional.of("jane@acme.com"), EventStatus.DONE);
        stored.event(ids.newId(), "form", T0, Optional.of("joe@acme.com"), EventStatus.DONE);

        assertThat(ids(search.search(filter().email("jane@acme.com").build(), Optional.empty(), 10)))
                .containsExactly(jane);
    }

    @Test
    void aDomainFindsEveryoneAtThatCompanyWhateverTheCaseOfTheStoredAddress() {
        UUID jane = stored.event(ids.newId(), "form", T0, Optional.of("jane@acme.com"), EventStatus.DONE);
        UUID joe = stored.event(ids.newId(), "form", T0.plusSeconds(1), Optional.of("joe@ACME.com"), EventStatus.DONE);
        stored.event(ids.newId(), "form", T0, Optional.of("ann@acme.co"), EventStatus.DONE);

        assertThat(ids(search.search(filter().domain("acme.com").build(), Optional.empty(), 10)))
                .containsExactly(joe, jane);
    }

    @Test
    void sourceStatusAndTimeNarrowTheSearchTogether() {
        UUID wanted = stored.event(ids.newId(), "stripe", T0.plusSeconds(60), Optional.empty(), EventStatus.DEAD);
        stored.event(ids.newId(), "stripe", T0.plusSeconds(60), Optional.empty(), EventStatus.DONE);
        stored.event(ids.newId(), "form", T0.plusSeconds(60), Optional.empty(), EventStatus.DEAD);
        stored.event(ids.newId(), "stripe", T0.plusSeconds(600), Optional.empty(), EventStatus.DEAD);

        EventFilter f = new EventFilter(Optional.empty(), Optional.empty(), Optional.of("stripe"),
                Optional.of(EventStatus.DEAD), Optional.of(T0), Optional.of(T0.plusSeconds(300)));

        assertThat(ids(search.search(f, Optional.empty(), 10))).containsExactly(wanted);
    }

    @Test
    void keysetPagesWalkEveryEventOnceNewestFirstEvenWhenTimesTie() {
        List<UUID> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(stored.event(ids.newId(), "form", T0.plusSeconds(i / 2), Optional.empty(), EventStatus.DONE));
        }
        List<UUID> walked = new ArrayList<>();
        Optional<EventCursor> after = Optional.empty();
        List<EventSummary> page;
        do {
            page = search.search(EventFilter.none(), after, 3);
            walked.addAll(ids(page));
            after = page.isEmpty() ? Optional.empty()
                    : Optional.of(new EventCursor(page.get(page.size() - 1).receivedAt(), page.get(page.size() - 1).id()));
        } while (page.size() == 3);

        assertThat(walked).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
        assertThat(walked).extracting(id -> all.indexOf(id) / 2).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static List<UUID> ids(List<EventSummary> events) {
        return events.stream().map(EventSummary::id).toList();
    }

    private static FilterBuilder filter() {
        return new FilterBuilder();
    }

    private static final class FilterBuilder {
        private Optional<String> email = Optional.empty();
        private Optional<String> domain = Optional.empty();

        FilterBuilder email(String value) {
            email = Optional.of(value);
            return this;
        }

        FilterBuilder domain(String value) {
            domain = Optional.of(value);
            return this;
        }

        EventFilter build() {
            return new EventFilter(email, domain, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }
}
