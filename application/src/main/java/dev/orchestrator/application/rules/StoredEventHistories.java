package dev.orchestrator.application.rules;

import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.port.out.CompanyDirectory;
import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.application.port.out.RecentEvents;
import dev.orchestrator.application.port.out.SignalStore;
import dev.orchestrator.application.port.out.SignalStore.StoredSignal;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.Signal;
import dev.orchestrator.domain.rules.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A live deployment's population for a dry run: every contact a stored event of the last {@code days} days was
 * about, with the facts the pipeline keeps for it, its company's firmographics, and its stored signals (form
 * submissions and activities) up to 180 days back, so windows like "within 30d" see what the live rules saw.
 * Each contact is replayed from its creation as a lead without an owner, as the pipeline creates contacts. Only
 * reads: the replay itself happens in memory.
 */
public final class StoredEventHistories {
    /** As far back as the pipeline itself reads signals. */
    static final Duration SIGNAL_HORIZON = Duration.ofDays(180);
    public static final int MAX_DAYS = 365;

    private final RecentEvents events;
    private final ContactDirectory contacts;
    private final CompanyDirectory companies;
    private final SignalStore signals;

    public StoredEventHistories(RecentEvents events, ContactDirectory contacts, CompanyDirectory companies,
            SignalStore signals) {
        this.events = events;
        this.contacts = contacts;
        this.companies = companies;
        this.signals = signals;
    }

    /** The contacts of the stored events received in the {@code days} days up to {@code asOf}, oldest first. */
    public List<RecordHistory> lastDays(int days, Instant asOf, int limit) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be from 1 to " + MAX_DAYS);
        }
        List<RecordHistory> histories = new ArrayList<>();
        for (EmailAddress email : events.emailsSince(asOf.minus(Duration.ofDays(days)), limit)) {
            contacts.findByEmail(email).ifPresent(contact -> histories.add(history(contact, asOf)));
        }
        return histories;
    }

    private RecordHistory history(Contact contact, Instant asOf) {
        Map<String, Value> company = contact.companyDomain().flatMap(companies::find).map(LeadFacts::company)
                .orElse(Map.of());
        List<Signal> stored = new ArrayList<>();
        for (StoredSignal signal : signals.since(contact.email(), asOf.minus(SIGNAL_HORIZON))) {
            if (!signal.occurredAt().isAfter(asOf)) {
                stored.add(new Signal(signal.type(), signal.occurredAt()));
            }
        }
        Instant created = contact.createdAt().isAfter(asOf) ? asOf : contact.createdAt();
        return new RecordHistory(contact.id().toString(), created, LifecycleStage.LEAD, Optional.empty(),
                LeadFacts.values(contact.facts()), company, Map.of(), stored);
    }
}
