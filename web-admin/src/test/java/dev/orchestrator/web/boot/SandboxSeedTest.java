package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.crm.CrmOwner;
import dev.orchestrator.application.seed.SandboxSeedGenerator;
import dev.orchestrator.application.seed.SeedData;
import dev.orchestrator.application.seed.SeedData.SeedContact;
import dev.orchestrator.application.seed.SeedData.SeedDeal;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.web.rules.ShippedRules;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The seeded sandbox as the issue asks for it, from the shipped owners, firmographics and default ruleset. */
class SandboxSeedTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final SeedData SEED = SandboxHistories.seedData(SandboxHistories.SEED, SandboxHistories.RECORDS,
            AS_OF);

    @Test
    void the_seed_knows_five_thousand_companies_and_holds_twenty_five_thousand_contacts() {
        assertThat(SEED.companies()).hasSizeGreaterThanOrEqualTo(5_000);
        assertThat(SEED.companies().stream().map(SeedData.SeedCompany::domain).distinct().count())
                .isEqualTo(SEED.companies().size());
        assertThat(SEED.contacts()).hasSize(25_000);
        assertThat(SEED.contacts().stream().map(SeedContact::email).distinct().count()).isEqualTo(25_000);
    }

    @Test
    void every_contact_came_in_through_a_form_and_its_signals_lie_within_the_last_180_days() {
        Instant earliest = AS_OF.minus(SandboxSeedGenerator.HISTORY);
        assertThat(SEED.contacts()).allSatisfy(contact -> {
            assertThat(contact.signals()).anySatisfy(s -> {
                assertThat(s.type()).isEqualTo(SandboxSeedGenerator.FORM_SUBMITTED);
                assertThat(s.at()).isEqualTo(contact.createdAt());
            });
            assertThat(contact.signals()).allSatisfy(s -> assertThat(s.at()).isBetween(earliest, AS_OF));
        });
        Set<String> types = SEED.contacts().stream().flatMap(c -> c.signals().stream()).map(s -> s.type())
                .collect(Collectors.toSet());
        assertThat(types).contains("pricing_page_view", "content_download", "webinar_attended", "demo_requested",
                "meeting_booked", "product_signup", "page_view");
    }

    @Test
    void twelve_owners_sit_in_three_pools_some_inactive_and_some_out_of_office() {
        Ruleset ruleset = ShippedRules.defaultRuleset();
        Collection<OwnerState> roster = ShippedRules.sandboxOwners().owners().values();
        Set<String> pooled = new HashSet<>();
        ruleset.pools().values().forEach(pool -> pooled.addAll(pool.owners()));

        assertThat(SEED.owners()).hasSize(12).extracting(CrmOwner::id).containsExactlyInAnyOrderElementsOf(pooled);
        assertThat(ruleset.pools()).hasSize(3);
        assertThat(SEED.owners()).anyMatch(owner -> !owner.active());
        assertThat(roster).anyMatch(OwnerState::outOfOffice);
    }

    @Test
    void the_seed_has_open_and_closed_deals_linked_to_contacts() {
        assertThat(SEED.deals()).hasSizeGreaterThan(1_000);
        assertThat(SEED.deals()).extracting(SeedDeal::status).contains("open", "closed_won", "closed_lost");
        assertThat(SEED.deals()).allSatisfy(deal -> {
            assertThat(deal.contactEmails()).isNotEmpty();
            assertThat(deal.closedAt().isPresent()).isEqualTo(!deal.status().equals("open"));
        });
    }

    @Test
    void the_same_seed_and_day_generate_the_same_sandbox() {
        SeedData again = SandboxHistories.seedData(SandboxHistories.SEED, 2_000, AS_OF);

        assertThat(again).isEqualTo(SandboxHistories.seedData(SandboxHistories.SEED, 2_000, AS_OF));
        assertThat(again).isNotEqualTo(SandboxHistories.seedData(SandboxHistories.SEED + 1, 2_000, AS_OF));
    }
}
