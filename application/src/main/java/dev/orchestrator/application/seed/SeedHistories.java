package dev.orchestrator.application.seed;

import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.seed.SeedData.SeedCompany;
import dev.orchestrator.application.seed.SeedData.SeedContact;
import dev.orchestrator.application.seed.SeedData.SeedDeal;
import dev.orchestrator.application.seed.SeedData.SeedSignal;
import dev.orchestrator.domain.rules.Signal;
import dev.orchestrator.domain.rules.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seeded contacts as the dry run replays them, under the field names docs/RULES.md gives: {@code record.*}
 * from the contact, {@code company.*} from the sandbox firmographics (with {@code owner_id} for an account that
 * won a deal, so account-based routing has owners to find), {@code deal.amount} and {@code deal.status} from the
 * contact's latest deal, and every signal. Each replay starts where the contact started: created as a subscriber
 * or a lead, with no owner.
 */
public final class SeedHistories {
    private SeedHistories() {
    }

    public static List<RecordHistory> of(SeedData data) {
        Map<String, SeedCompany> companies = new HashMap<>();
        data.companies().forEach(company -> companies.put(company.domain(), company));
        Map<String, String> accountOwners = new HashMap<>();
        Map<String, SeedDeal> latestDeal = new HashMap<>();
        List<SeedDeal> byTime = new ArrayList<>(data.deals());
        byTime.sort(Comparator.comparing(SeedDeal::createdAt));
        for (SeedDeal deal : byTime) {
            if (deal.dealStage().equals(SeedDeal.CLOSED_WON) && deal.ownerId().isPresent()) {
                accountOwners.putIfAbsent(deal.companyDomain(), deal.ownerId().get());
            }
            deal.contactEmails().forEach(email -> latestDeal.put(email, deal));
        }
        List<RecordHistory> histories = new ArrayList<>(data.contacts().size());
        for (SeedContact contact : data.contacts()) {
            Map<String, Value> record = new LinkedHashMap<>();
            record.put("email", Value.of(contact.email()));
            record.put("first_name", Value.of(contact.firstName()));
            record.put("last_name", Value.of(contact.lastName()));
            record.put("company_domain", Value.of(contact.companyDomain()));
            record.put("country", Value.of(contact.country()));
            contact.phone().ifPresent(phone -> record.put("phone", Value.of(phone)));
            Map<String, Value> company = company(Optional.ofNullable(companies.get(contact.companyDomain())),
                    Optional.ofNullable(accountOwners.get(contact.companyDomain())));
            Map<String, Value> deal = new LinkedHashMap<>();
            Optional.ofNullable(latestDeal.get(contact.email())).ifPresent(d -> {
                deal.put("amount", Value.of(d.amount()));
                deal.put("status", Value.of(d.status()));
            });
            List<Signal> signals = new ArrayList<>(contact.signals().size());
            for (SeedSignal signal : contact.signals()) {
                signals.add(new Signal(signal.type(), signal.at()));
            }
            histories.add(new RecordHistory(contact.email(), contact.createdAt(), contact.createdAs(),
                    Optional.empty(), record, company, deal, signals));
        }
        return histories;
    }

    private static Map<String, Value> company(Optional<SeedCompany> known, Optional<String> accountOwner) {
        Map<String, Value> values = new LinkedHashMap<>();
        known.ifPresent(company -> {
            values.put("domain", Value.of(company.domain()));
            values.put("name", Value.of(company.name()));
            company.employees().ifPresent(v -> values.put("employees", Value.of(v)));
            company.industry().ifPresent(v -> values.put("industry", Value.of(v)));
            company.country().ifPresent(v -> values.put("country", Value.of(v)));
            if (!company.technologies().isEmpty()) {
                values.put("technologies", Value.of(String.join(",", company.technologies())));
            }
        });
        accountOwner.ifPresent(owner -> values.put("owner_id", Value.of(owner)));
        return values;
    }
}
