package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.CompanyChoices;
import dev.orchestrator.application.port.out.CompanyChoices.CompanyChoice;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.intake.EventStatus;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The company chosen per event, as a re-run of the event reads it back. */
class JdbiCompanyChoicesTest {
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final SequentialIds ids = new SequentialIds();
    private PersistenceAdapter persistence;
    private CompanyChoices choices;
    private UUID event;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        choices = persistence.companyChoices();
        event = event();
    }

    @Test
    void aChoiceIsReadBackForItsEventAndDomainOnly() {
        choices.choose(event, matched("acme.com", "101"));

        assertThat(choices.find(event, "acme.com")).get().extracting(CompanyChoice::crmCompanyId)
                .isEqualTo(Optional.of("101"));
        assertThat(choices.find(event, "acme.co.uk")).isEmpty();
        assertThat(choices.find(event(), "acme.com")).isEmpty();
    }

    @Test
    void theFirstCompanyKeptForAnEventWins() {
        choices.choose(event, matched("acme.com", "101"));

        CompanyChoice kept = choices.choose(event, new CompanyChoice("acme.com", Optional.of("202"), "found by domain",
                clock.instant()));

        assertThat(kept.crmCompanyId()).contains("101");
        assertThat(kept.how()).isEqualTo("matched account");
    }

    @Test
    void aPlanToCreateIsCompletedByTheCreatedCompany() {
        CompanyChoice plan = choices.choose(event, new CompanyChoice("acme.com", Optional.empty(), "create",
                clock.instant()));

        CompanyChoice kept = choices.choose(event, new CompanyChoice("acme.com", Optional.of("303"), "create",
                clock.instant()));

        assertThat(plan.crmCompanyId()).isEmpty();
        assertThat(kept.crmCompanyId()).contains("303");
        assertThat(choices.find(event, "acme.com")).contains(kept);
    }

    @Test
    void aPlanToCreateDoesNotUndoACompanyAlreadyKept() {
        choices.choose(event, matched("acme.com", "101"));

        CompanyChoice kept = choices.choose(event, new CompanyChoice("acme.com", Optional.empty(), "create",
                clock.instant()));

        assertThat(kept.crmCompanyId()).contains("101");
    }

    private CompanyChoice matched(String domain, String crmId) {
        return new CompanyChoice(domain, Optional.of(crmId), "matched account", clock.instant());
    }

    private UUID event() {
        return new StoredEvents(persistence).event(ids.newId(), "form", clock.instant(), Optional.empty(),
                EventStatus.RECEIVED);
    }
}
