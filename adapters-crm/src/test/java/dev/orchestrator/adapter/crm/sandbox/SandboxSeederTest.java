package dev.orchestrator.adapter.crm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.crm.CrmOwner;
import dev.orchestrator.application.port.out.crm.SandboxCrmSeeder;
import dev.orchestrator.application.seed.SeedData;
import dev.orchestrator.application.seed.SeedData.SeedCompany;
import dev.orchestrator.application.seed.SeedData.SeedContact;
import dev.orchestrator.application.seed.SeedData.SeedDeal;
import dev.orchestrator.application.seed.SeedData.SeedSignal;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class SandboxSeederTest {
    private static final Instant CREATED = Instant.parse("2026-10-01T09:00:00Z");

    private static SeedData seed() {
        CrmOwner owner = new CrmOwner("owner-01", Optional.of(EmailAddress.parse("owner-01@sandbox-crm.example")),
                PersonName.of("Ada", "Lindqvist"), true);
        SeedCompany acme = new SeedCompany("Acme Inc.", "acme.example", Optional.of("software"), Optional.of(250),
                Optional.of("US"), List.of("salesforce"));
        List<SeedContact> contacts = List.of(contact("ann@acme.example"), contact("bob@acme.example"));
        List<SeedDeal> deals = List.of(
                new SeedDeal("Acme – team plan", 12_000, "qualifiedtobuy", Optional.empty(), Optional.of("owner-01"),
                        "acme.example", List.of("ann@acme.example"), CREATED),
                new SeedDeal("Acme – enterprise plan", 150_000, SeedDeal.CLOSED_WON,
                        Optional.of(CREATED.plusSeconds(86_400)), Optional.of("owner-01"), "acme.example",
                        List.of("bob@acme.example"), CREATED));
        return new SeedData(List.of(owner), List.of(acme), contacts, deals);
    }

    private static SeedContact contact(String email) {
        return new SeedContact(email, "Ann", "Example", Optional.empty(), "acme.example", "lead",
                Optional.of("owner-01"), "US", CREATED, LifecycleStage.LEAD,
                List.of(new SeedSignal("form_submitted", CREATED)));
    }

    @Test
    void open_and_closed_deals_are_written_with_their_company_and_contacts() {
        DataSource dataSource = TestDatabase.fresh();
        SandboxCrmSeeder seeder = SandboxCrmAdapter.seeder(dataSource, MutableClock.at("2026-11-20T00:00:00Z"));
        Jdbi jdbi = Jdbi.create(dataSource);

        seeder.reload(seed());
        List<String> rows = jdbi.withHandle(h -> h.createQuery("""
                select d.dealstage || ':' || d.amount::bigint || ':' || c.email from sandbox_crm.deals d
                join sandbox_crm.deal_contacts dc on dc.deal_id = d.id
                join sandbox_crm.contacts c on c.id = dc.contact_id
                join sandbox_crm.companies co on co.id = d.company_id and co.domain = 'acme.example'
                order by d.id""").mapTo(String.class).list());

        assertThat(rows).containsExactly("qualifiedtobuy:12000:ann@acme.example", "closedwon:150000:bob@acme.example");
    }

    @Test
    void reloading_replaces_the_deals_instead_of_adding_to_them() {
        DataSource dataSource = TestDatabase.fresh();
        SandboxCrmSeeder seeder = SandboxCrmAdapter.seeder(dataSource, MutableClock.at("2026-11-20T00:00:00Z"));

        seeder.reload(seed());
        seeder.reload(seed());

        int deals = Jdbi.create(dataSource).withHandle(h -> h.createQuery("select count(*) from sandbox_crm.deals")
                .mapTo(Integer.class).one());
        assertThat(deals).isEqualTo(2);
    }
}
