package dev.orchestrator.application.seed;

import dev.orchestrator.application.port.out.crm.CrmOwner;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's whole content, generated from a seed: owners, companies, their contacts with 180 days of form
 * submissions and activity signals, and deals (open and closed). The CRM gets owners, companies, contacts and
 * deals; the dry run replays the contacts' histories.
 */
public record SeedData(List<CrmOwner> owners, List<SeedCompany> companies, List<SeedContact> contacts,
        List<SeedDeal> deals) {
    public SeedData {
        owners = List.copyOf(owners);
        companies = List.copyOf(companies);
        contacts = List.copyOf(contacts);
        deals = List.copyOf(deals);
    }

    public record SeedCompany(String name, String domain, Optional<String> industry, Optional<Integer> employees,
            Optional<String> country, List<String> technologies) {
        public SeedCompany {
            technologies = List.copyOf(technologies);
        }
    }

    /**
     * A contact: {@code lifecycleStage} and {@code ownerId} are what the sandbox CRM shows today; {@code createdAs}
     * is the stage it entered with at {@code createdAt}, where a replay of its {@code signals} starts.
     */
    public record SeedContact(String email, String firstName, String lastName, Optional<String> phone,
            String companyDomain, String lifecycleStage, Optional<String> ownerId, String country,
            Instant createdAt, LifecycleStage createdAs, List<SeedSignal> signals) {
        public SeedContact {
            Require.notBlank("email", email);
            Require.present("createdAt", createdAt);
            Require.present("createdAs", createdAs);
            signals = List.copyOf(signals);
        }
    }

    /** A form submission ({@code form_submitted}) or an activity signal, at the time it happened. */
    public record SeedSignal(String type, Instant at) {
    }

    /** A deal of a company, linked to the contacts in {@code contactEmails}; closed deals have a close date. */
    public record SeedDeal(String name, long amount, String dealStage, Optional<Instant> closedAt,
            Optional<String> ownerId, String companyDomain, List<String> contactEmails, Instant createdAt) {
        public static final String CLOSED_WON = "closedwon";
        public static final String CLOSED_LOST = "closedlost";
        /** HubSpot's default pipeline, open stages in order. */
        public static final List<String> OPEN_STAGES = List.of("appointmentscheduled", "qualifiedtobuy",
                "presentationscheduled", "decisionmakerboughtin", "contractsent");

        public SeedDeal {
            contactEmails = List.copyOf(contactEmails);
        }

        /** The status the rules read as {@code deal.status}: {@code open}, {@code closed_won} or {@code closed_lost}. */
        public String status() {
            return switch (dealStage) {
                case CLOSED_WON -> "closed_won";
                case CLOSED_LOST -> "closed_lost";
                default -> "open";
            };
        }
    }
}
