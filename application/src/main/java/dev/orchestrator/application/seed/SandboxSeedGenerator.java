package dev.orchestrator.application.seed;

import dev.orchestrator.application.port.out.crm.CrmOwner;
import dev.orchestrator.application.seed.SeedData.SeedCompany;
import dev.orchestrator.application.seed.SeedData.SeedContact;
import dev.orchestrator.application.seed.SeedData.SeedDeal;
import dev.orchestrator.application.seed.SeedData.SeedSignal;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.rules.OwnerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Generates the sandbox from a seed: the same seed and {@code asOf} give the same owners, companies, contacts,
 * signals and deals, value for value, so demos, dry runs and tests are repeatable. Contacts spread over the
 * companies with a funnel-shaped stage mix and owners drawn from the active ones; each was created by a form
 * submission within the 180 days before {@code asOf} and has a handful of activity signals after it (some go
 * dark early, which is what "90 days without activity" is for). About one contact in twelve has a deal.
 */
public final class SandboxSeedGenerator {
    /** How far back the generated histories reach. */
    public static final Duration HISTORY = Duration.ofDays(180);
    public static final String FORM_SUBMITTED = "form_submitted";

    private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines",
        "Jonas", "Keira", "Luca", "Maria", "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Sam", "Tara", "Umar",
        "Vera", "Wen", "Xavier", "Yara", "Zoe", "Robert", "William", "Elizabeth", "Katherine", "James", "Priya",
        "Mateo", "Sofia", "Liam", "Amara", "Kenji", "Ingrid", "Tomasz", "Aisha"};
    private static final String[] LAST = {"Lindqvist", "Okafor", "Martin", "Raman", "Rossi", "Haddad", "Kim",
        "Almeida", "Dubois", "Becker", "Walsh", "Bianchi", "Lopez", "Smith", "Nguyen", "Müller", "Garcia", "Tanaka",
        "Kowalski", "Johansson", "O'Brien", "Patel", "Silva", "Jensen", "Novak", "Ivanova", "Schmidt", "Moreau",
        "Brown", "Wilson", "Khan", "Chen", "Santos", "Fischer", "Cohen", "Adeyemi"};
    /** Stage mix of a typical funnel: most records are leads, few are customers. */
    private static final String[] STAGES = {"subscriber", "lead", "lead", "lead", "lead", "lead", "mql", "mql",
        "sql", "opportunity", "customer", "nurture"};
    /** Activity signals (the {@code activity} source's types, plus meetings booked), weighted by repetition. */
    private static final String[] SIGNALS = {"page_view", "page_view", "page_view", "page_view",
        "pricing_page_view", "pricing_page_view", "content_download", "content_download", "webinar_attended",
        FORM_SUBMITTED, "demo_requested", "meeting_booked", "product_signup"};

    private SandboxSeedGenerator() {
    }

    public static SeedData generate(long seed, List<SeedCompany> companies, List<OwnerState> owners, int contacts,
            Instant asOf) {
        Random random = new Random(seed);
        List<CrmOwner> crmOwners = new ArrayList<>();
        List<String> assignable = new ArrayList<>();
        for (OwnerState owner : owners) {
            String n = owner.id().replaceAll("\\D", "");
            String first = FIRST[Math.floorMod(owner.id().hashCode(), FIRST.length)];
            String last = LAST[Math.floorMod(owner.id().hashCode() / 7, LAST.length)];
            crmOwners.add(new CrmOwner(owner.id(), Optional.of(EmailAddress.parse(owner.id() + "@sandbox-crm.example")),
                    PersonName.of(first, last + (n.isEmpty() ? "" : " " + n)), owner.active()));
            if (owner.active()) {
                assignable.add(owner.id());
            }
        }
        List<SeedContact> people = new ArrayList<>(contacts);
        List<SeedDeal> deals = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        while (people.size() < contacts && !companies.isEmpty()) {
            SeedCompany company = companies.get(random.nextInt(companies.size()));
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String local = ascii(first) + "." + ascii(last);
            String email = local + "@" + company.domain();
            for (int suffix = 2; !emails.add(email); suffix++) {
                email = local + suffix + "@" + company.domain();
            }
            String stage = STAGES[random.nextInt(STAGES.length)];
            Optional<String> owner = stage.equals("subscriber") || assignable.isEmpty() ? Optional.empty()
                    : Optional.of(assignable.get(random.nextInt(assignable.size())));
            Optional<String> phone = random.nextInt(3) == 0 ? Optional.empty()
                    : Optional.of(String.format(Locale.ROOT, "+1415555%04d", random.nextInt(10_000)));
            Instant created = asOf.minus(Duration.ofMinutes(random.nextInt((int) HISTORY.toMinutes())));
            LifecycleStage createdAs = random.nextInt(5) == 0 ? LifecycleStage.SUBSCRIBER : LifecycleStage.LEAD;
            List<SeedSignal> signals = signals(random, created, asOf);
            people.add(new SeedContact(email, first, last, phone, company.domain(), stage, owner,
                    company.country().orElse("US"), created, createdAs, signals));
            if (random.nextInt(12) == 0) {
                deals.add(deal(random, company, email, owner.or(() -> assignable.isEmpty() ? Optional.empty()
                        : Optional.of(assignable.get(random.nextInt(assignable.size())))), created, asOf));
            }
        }
        return new SeedData(crmOwners, companies, people, deals);
    }

    /** The form submission that created the contact, then 0–12 signals; a quarter of contacts go dark early. */
    private static List<SeedSignal> signals(Random random, Instant created, Instant asOf) {
        List<SeedSignal> signals = new ArrayList<>();
        signals.add(new SeedSignal(FORM_SUBMITTED, created));
        long span = Math.max(1, Duration.between(created, asOf).toMinutes());
        if (random.nextInt(4) == 0) {
            span = Math.max(1, span / 4);
        }
        int count = random.nextInt(13);
        for (int s = 0; s < count; s++) {
            signals.add(new SeedSignal(SIGNALS[random.nextInt(SIGNALS.length)],
                    created.plus(Duration.ofMinutes((long) (random.nextDouble() * span)))));
        }
        signals.sort(Comparator.comparing(SeedSignal::at));
        return signals;
    }

    /** Amounts from 5,000 to 500,000 (log-uniform); six in ten open, the rest won or lost. */
    private static SeedDeal deal(Random random, SeedCompany company, String email, Optional<String> owner,
            Instant created, Instant asOf) {
        long amount = Math.round(5_000 * Math.exp(random.nextDouble() * Math.log(100)) / 100) * 100;
        Instant opened = created.plus(Duration.ofMinutes((long) (random.nextDouble()
                * Math.max(1, Duration.between(created, asOf).toMinutes()))));
        int roll = random.nextInt(10);
        String stage = roll < 6 ? SeedDeal.OPEN_STAGES.get(random.nextInt(SeedDeal.OPEN_STAGES.size()))
                : roll < 8 ? SeedDeal.CLOSED_WON : SeedDeal.CLOSED_LOST;
        Optional<Instant> closed = roll < 6 ? Optional.empty() : Optional.of(opened.plus(Duration.ofMinutes(
                (long) (random.nextDouble() * Math.max(1, Duration.between(opened, asOf).toMinutes())))));
        return new SeedDeal(company.name() + " – " + (amount >= 100_000 ? "enterprise" : "team") + " plan", amount,
                stage, closed, owner, company.domain(), List.of(email), opened);
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }
}
