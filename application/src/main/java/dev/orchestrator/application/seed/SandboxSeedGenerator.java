package dev.orchestrator.application.seed;

import dev.orchestrator.application.port.out.crm.CrmOwner;
import dev.orchestrator.application.seed.SeedData.SeedCompany;
import dev.orchestrator.application.seed.SeedData.SeedContact;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.rules.OwnerState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Generates the sandbox CRM from a seed: the same seed gives the same owners, companies and contacts, byte for
 * byte, so demos, dry runs and tests are repeatable. Contacts spread over the companies with a funnel-shaped
 * stage mix and owners drawn from the active ones.
 */
public final class SandboxSeedGenerator {
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

    private SandboxSeedGenerator() {
    }

    public static SeedData generate(long seed, List<SeedCompany> companies, List<OwnerState> owners, int contacts) {
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
            people.add(new SeedContact(email, first, last, phone, company.domain(), stage, owner));
        }
        return new SeedData(crmOwners, companies, people);
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }
}
