package dev.orchestrator.application.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.orchestrator.application.audit.CountryCodes;
import dev.orchestrator.application.audit.SurvivorRule;
import dev.orchestrator.application.dedupe.BatchDedupe;
import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.GuavaRegistrableDomains;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.in.audit.AuditCrmQuery;
import dev.orchestrator.application.port.in.audit.AuditCrmUseCase;
import dev.orchestrator.application.port.in.audit.CrmAuditReport;
import dev.orchestrator.application.port.in.audit.DuplicateCluster;
import dev.orchestrator.application.port.in.audit.Finding;
import dev.orchestrator.application.port.in.audit.FindingKind;
import dev.orchestrator.application.port.out.crm.CrmCompanyRecord;
import dev.orchestrator.application.port.out.crm.CrmContactRecord;
import dev.orchestrator.application.port.out.crm.CrmDealRecord;
import dev.orchestrator.application.port.out.crm.CrmOwnerRecord;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.application.port.out.crm.RecordPage;
import dev.orchestrator.application.port.out.crm.RecordType;
import dev.orchestrator.application.validate.FreeMailDomains;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchFeature;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import dev.orchestrator.domain.shared.DomainViolation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The data-quality audit: pages through the source, then runs each check over the records. Checks are small
 * named functions per record, so a new one is a new line in a list; duplicates come from the batch matcher
 * (the same one the {@code dedupe} command runs) with each pair's evidence from the record matcher.
 */
public final class AuditCrmService implements AuditCrmUseCase {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String CUSTOMER = "customer";
    private static final String DEFAULT_REGION = "US";

    private final FreeMailDomains freeMail;
    private final CountryCodes countries;
    private final SurvivorRule survivors;
    private final BatchDedupe dedupe;
    private final RecordMatcher matcher;
    private final Clock clock;

    public AuditCrmService(FreeMailDomains freeMail, CountryCodes countries, SurvivorRule survivors, Clock clock) {
        this.freeMail = Objects.requireNonNull(freeMail, "freeMail");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.survivors = Objects.requireNonNull(survivors, "survivors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.matcher = RecordMatcher.standard(MatchThresholds.DEFAULT);
        this.dedupe = new BatchDedupe(matcher, BatchDedupe.DEFAULT_MAX_BLOCK);
    }

    /** Everything the checks may look at besides the record itself. */
    private record Context(Map<String, CrmOwnerRecord> owners, Set<String> wonContacts, Set<String> wonCompanies,
            Map<String, CrmCompanyRecord> companies) {
    }

    private interface ContactCheck extends BiFunction<CrmContactRecord, Context, List<Finding>> {
    }

    private interface CompanyCheck extends BiFunction<CrmCompanyRecord, Context, List<Finding>> {
    }

    private final List<ContactCheck> contactChecks = List.of(
            this::email, this::phone, this::contactCountry, AuditCrmService::withoutCompany,
            AuditCrmService::withoutOwner, AuditCrmService::contactInactiveOwner, AuditCrmService::customerWithoutWin);

    private final List<CompanyCheck> companyChecks = List.of(
            this::companyCountry, AuditCrmService::industry, AuditCrmService::withoutDomain,
            AuditCrmService::companyInactiveOwner);

    @Override
    public CrmAuditReport audit(AuditCrmQuery query) {
        CrmRecords source = query.source();
        long[] requests = {0};
        List<CrmOwnerRecord> owners = readAll(source::owners, query.pageSize(), requests);
        List<CrmCompanyRecord> companies = readAll(source::companies, query.pageSize(), requests);
        List<CrmContactRecord> contacts = readAll(source::contacts, query.pageSize(), requests);
        List<CrmDealRecord> deals = readAll(source::deals, query.pageSize(), requests);

        Set<String> wonContacts = new HashSet<>();
        Set<String> wonCompanies = new HashSet<>();
        for (CrmDealRecord deal : deals) {
            if (deal.closedWon()) {
                wonContacts.addAll(deal.contactIds());
                if (!deal.companyId().isEmpty()) {
                    wonCompanies.add(deal.companyId());
                }
            }
        }
        Map<String, CrmCompanyRecord> companyById = new LinkedHashMap<>();
        companies.forEach(c -> companyById.put(c.id(), c));
        Context context = new Context(owners.stream().collect(Collectors.toMap(CrmOwnerRecord::id, o -> o,
                (a, b) -> a)), wonContacts, wonCompanies, companyById);

        List<Finding> findings = new ArrayList<>();
        List<DuplicateCluster> clusters = new ArrayList<>();
        clusters.addAll(companyClusters(companies));
        clusters.addAll(contactClusters(contacts));
        for (DuplicateCluster cluster : clusters) {
            FindingKind kind = cluster.recordType() == RecordType.CONTACT ? FindingKind.DUPLICATE_CONTACT
                    : FindingKind.DUPLICATE_COMPANY;
            for (String merged : cluster.mergedIds()) {
                findings.add(new Finding(kind, cluster.recordType(), merged, Optional.empty(), merged,
                        "same " + cluster.recordType().key() + " as " + cluster.survivorId(),
                        Optional.of(cluster.survivorId())));
            }
        }
        for (CrmCompanyRecord company : companies) {
            companyChecks.forEach(check -> findings.addAll(check.apply(company, context)));
        }
        for (CrmContactRecord contact : contacts) {
            contactChecks.forEach(check -> findings.addAll(check.apply(contact, context)));
        }
        return new CrmAuditReport(source.name(), clock.instant(), contacts.size(), companies.size(), owners.size(),
                deals.size(), requests[0], findings, clusters,
                owners.stream().filter(CrmOwnerRecord::active).map(CrmOwnerRecord::id).toList());
    }

    private interface Pager<T> {
        RecordPage<T> page(Optional<String> cursor, int limit);
    }

    private static <T> List<T> readAll(Pager<T> pager, int pageSize, long[] requests) {
        List<T> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            RecordPage<T> page = pager.page(cursor, pageSize);
            requests[0]++;
            all.addAll(page.records());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }

    // ---- contact checks

    private List<Finding> email(CrmContactRecord c, Context context) {
        if (c.email().isEmpty()) {
            return List.of(contactFinding(FindingKind.INVALID_EMAIL, c, RecordField.EMAIL, "", "no email"));
        }
        EmailAddress email;
        try {
            email = EmailAddress.parse(c.email());
        } catch (DomainViolation e) {
            return List.of(contactFinding(FindingKind.INVALID_EMAIL, c, RecordField.EMAIL, c.email(),
                    "not an email address: " + e.getMessage()));
        }
        if (freeMail.isFreeMail(email.domain())) {
            return List.of(contactFinding(FindingKind.FREE_MAIL_EMAIL, c, RecordField.EMAIL, c.email(),
                    email.domain() + " is a free-mail provider: the company cannot be told from it"));
        }
        return List.of();
    }

    private List<Finding> phone(CrmContactRecord c, Context context) {
        if (c.phone().isEmpty()) {
            return List.of();
        }
        String region = regionOf(c, context);
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(c.phone(), region);
            if (!PHONES.isValidNumber(number)) {
                return List.of(contactFinding(FindingKind.UNPARSEABLE_PHONE, c, RecordField.PHONE, c.phone(),
                        "not a valid number for " + region));
            }
            String e164 = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            if (!e164.equals(c.phone())) {
                return List.of(new Finding(FindingKind.PHONE_NOT_E164, RecordType.CONTACT, c.id(),
                        Optional.of(RecordField.PHONE), c.phone(), "valid, but not written in E.164",
                        Optional.of(e164)));
            }
            return List.of();
        } catch (NumberParseException e) {
            return List.of(contactFinding(FindingKind.UNPARSEABLE_PHONE, c, RecordField.PHONE, c.phone(),
                    "libphonenumber cannot parse it (" + e.getErrorType() + ")"));
        }
    }

    private String regionOf(CrmContactRecord c, Context context) {
        Optional<String> own = countries.toIso(c.country());
        if (own.isPresent()) {
            return own.get();
        }
        CrmCompanyRecord company = context.companies().get(c.companyId());
        return company == null ? DEFAULT_REGION : countries.toIso(company.country()).orElse(DEFAULT_REGION);
    }

    private List<Finding> contactCountry(CrmContactRecord c, Context context) {
        return country(RecordType.CONTACT, c.id(), c.country());
    }

    private static List<Finding> withoutCompany(CrmContactRecord c, Context context) {
        if (!c.companyId().isEmpty() && context.companies().containsKey(c.companyId())) {
            return List.of();
        }
        String detail = c.companyId().isEmpty() ? "no company record linked"
                : "linked to company " + c.companyId() + ", which does not exist";
        return List.of(new Finding(FindingKind.CONTACT_WITHOUT_COMPANY, RecordType.CONTACT, c.id(), Optional.empty(),
                c.companyName(), detail, Optional.empty()));
    }

    private static List<Finding> withoutOwner(CrmContactRecord c, Context context) {
        // without an owner list (a CSV export without owners.csv) an owner id cannot be told to be unknown
        if (!c.ownerId().isEmpty() && (context.owners().isEmpty() || context.owners().containsKey(c.ownerId()))) {
            return List.of();
        }
        String detail = c.ownerId().isEmpty() ? "no owner" : "owner " + c.ownerId() + " is unknown to the CRM";
        return List.of(contactFinding(FindingKind.CONTACT_WITHOUT_OWNER, c, RecordField.OWNER, c.ownerId(), detail));
    }

    private static List<Finding> contactInactiveOwner(CrmContactRecord c, Context context) {
        return inactiveOwner(RecordType.CONTACT, c.id(), c.ownerId(), context);
    }

    private static List<Finding> customerWithoutWin(CrmContactRecord c, Context context) {
        if (!CUSTOMER.equals(c.lifecycleStage().toLowerCase(Locale.ROOT))
                || context.wonContacts().contains(c.id())
                || !c.companyId().isEmpty() && context.wonCompanies().contains(c.companyId())) {
            return List.of();
        }
        return List.of(new Finding(FindingKind.STAGE_ANOMALY, RecordType.CONTACT, c.id(), Optional.empty(),
                c.lifecycleStage(), "customer without a closed-won deal (on the contact or its company)",
                Optional.empty()));
    }

    // ---- company checks

    private List<Finding> companyCountry(CrmCompanyRecord c, Context context) {
        return country(RecordType.COMPANY, c.id(), c.country());
    }

    private static List<Finding> industry(CrmCompanyRecord c, Context context) {
        if (c.industry().isEmpty() || isTaxonomyKey(c.industry())) {
            return List.of();
        }
        return List.of(new Finding(FindingKind.NON_STANDARD_INDUSTRY, RecordType.COMPANY, c.id(),
                Optional.of(RecordField.INDUSTRY), c.industry(), "not an industry of the taxonomy",
                Industry.fromLabel(c.industry()).map(Industry::key)));
    }

    private static boolean isTaxonomyKey(String value) {
        for (Industry industry : Industry.values()) {
            if (industry.key().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<Finding> withoutDomain(CrmCompanyRecord c, Context context) {
        if (!c.domain().isEmpty()) {
            return List.of();
        }
        return List.of(new Finding(FindingKind.COMPANY_WITHOUT_DOMAIN, RecordType.COMPANY, c.id(), Optional.empty(),
                c.name(), "no web domain: lead-to-account matching falls back to the name", Optional.empty()));
    }

    private static List<Finding> companyInactiveOwner(CrmCompanyRecord c, Context context) {
        return inactiveOwner(RecordType.COMPANY, c.id(), c.ownerId(), context);
    }

    // ---- shared

    private List<Finding> country(RecordType type, String id, String value) {
        if (value.isEmpty() || countries.isStandard(value)) {
            return List.of();
        }
        return List.of(new Finding(FindingKind.NON_STANDARD_COUNTRY, type, id, Optional.of(RecordField.COUNTRY), value,
                "not an ISO 3166-1 alpha-2 code", countries.toIso(value)));
    }

    private static List<Finding> inactiveOwner(RecordType type, String id, String ownerId, Context context) {
        CrmOwnerRecord owner = context.owners().get(ownerId);
        if (owner == null || owner.active()) {
            return List.of();
        }
        return List.of(new Finding(FindingKind.INACTIVE_OWNER, type, id, Optional.of(RecordField.OWNER), ownerId,
                "owned by " + (owner.name().isEmpty() ? owner.id() : owner.name()) + ", who is deactivated",
                Optional.empty()));
    }

    private static Finding contactFinding(FindingKind kind, CrmContactRecord c, RecordField field, String value,
            String detail) {
        return new Finding(kind, RecordType.CONTACT, c.id(), Optional.of(field), value, detail, Optional.empty());
    }

    // ---- duplicates

    private List<DuplicateCluster> companyClusters(List<CrmCompanyRecord> companies) {
        Map<String, DedupeRecord> records = new LinkedHashMap<>();
        Map<String, Map<String, String>> fields = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (CrmCompanyRecord c : companies) {
            records.put(c.id(), new DedupeRecord(c.id(), c.name(), c.domain(), "", "", "", "", "", "",
                    countries.toIso(c.country()).orElse("")));
            fields.put(c.id(), Map.of("name", c.name(), "domain", c.domain(), "industry", c.industry(),
                    "country", c.country(), "owner", c.ownerId()));
            labels.put(c.id(), c.name() + (c.domain().isEmpty() ? "" : " (" + c.domain() + ")"));
        }
        return clusters(RecordType.COMPANY, records, fields, labels, id -> "");
    }

    private List<DuplicateCluster> contactClusters(List<CrmContactRecord> contacts) {
        Map<String, DedupeRecord> records = new LinkedHashMap<>();
        Map<String, Map<String, String>> fields = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, String> employers = new HashMap<>();
        for (CrmContactRecord c : contacts) {
            // a contact needs a name to be matched as a person; without one it cannot be told from a company
            if (c.firstName().isEmpty() && c.lastName().isEmpty()) {
                continue;
            }
            records.put(c.id(), new DedupeRecord(c.id(), c.companyName(), "", "", c.email(), c.firstName(),
                    c.lastName(), c.phone(), "", countries.toIso(c.country()).orElse("")));
            fields.put(c.id(), Map.of("email", c.email(), "first", c.firstName(), "last", c.lastName(),
                    "phone", c.phone(), "company", c.companyId(), "owner", c.ownerId(), "stage", c.lifecycleStage()));
            labels.put(c.id(), (c.firstName() + " " + c.lastName()).strip() + " <" + c.email() + ">");
            employers.put(c.id(), employer(c));
        }
        return clusters(RecordType.CONTACT, records, fields, labels, employers::get);
    }

    /**
     * The company a contact works for: its linked company, else its email's domain. The person matcher compares
     * people, not employments; in a CRM the same name at two companies is two contacts (a job change, a namesake),
     * so a contact cluster is split by employer before it is proposed for merging.
     */
    private static String employer(CrmContactRecord c) {
        if (!c.companyId().isEmpty()) {
            return "company:" + c.companyId();
        }
        int at = c.email().lastIndexOf('@');
        return at < 0 ? "unknown" : "domain:" + c.email().substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The matcher's clusters, each split by {@code partition} (members must agree on it to be merged). */
    private List<DuplicateCluster> clusters(RecordType type, Map<String, DedupeRecord> records,
            Map<String, Map<String, String>> fields, Map<String, String> labels,
            java.util.function.Function<String, String> partition) {
        if (records.size() < 2) {
            return List.of();
        }
        Map<String, String> clusterOf = dedupe.cluster(new ArrayList<>(records.values())).clusterOf();
        Map<String, List<String>> members = new LinkedHashMap<>();
        clusterOf.forEach((id, cluster) -> members.computeIfAbsent(cluster + "\u0000" + partition.apply(id),
                k -> new ArrayList<>()).add(id));
        MatchRecordFactory factory = new MatchRecordFactory(new GuavaRegistrableDomains());
        List<DuplicateCluster> clusters = new ArrayList<>();
        for (List<String> ids : members.values()) {
            if (ids.size() < 2) {
                continue;
            }
            Map<String, Map<String, String>> memberFields = new LinkedHashMap<>();
            ids.forEach(id -> memberFields.put(id, fields.get(id)));
            List<String> ordered = survivors.order(memberFields);
            MatchRecord survivor = factory.toMatchRecord(records.get(ordered.get(0)));
            List<String> evidence = new ArrayList<>();
            for (String other : ordered.subList(1, ordered.size())) {
                MatchDecision decision = matcher.compare(survivor, factory.toMatchRecord(records.get(other)));
                evidence.add(other + " vs " + ordered.get(0) + ": " + decision.getClass().getSimpleName()
                        + String.format(Locale.ROOT, " %.2f", decision.score().total()) + " ["
                        + decision.score().features().stream().map(AuditCrmService::feature)
                                .collect(Collectors.joining(", ")) + "]");
            }
            clusters.add(new DuplicateCluster(type, ordered, ordered.stream().map(labels::get).toList(), evidence));
        }
        return clusters;
    }

    private static String feature(MatchFeature f) {
        return f.name() + "=" + f.value() + String.format(Locale.ROOT, " (%+.2f)", f.weight());
    }
}
