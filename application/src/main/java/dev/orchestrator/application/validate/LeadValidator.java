package dev.orchestrator.application.validate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.orchestrator.application.normalize.EventTypes;
import dev.orchestrator.application.port.out.MailDeliverability;
import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.intake.LeadEvent;
import dev.orchestrator.domain.shared.DomainViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what of a lead may enter the CRM. Every check runs, so a lead that cannot be fixed goes to review once
 * with every reason. What can be corrected safely is corrected and each correction recorded (before → after,
 * and which standardizer): email case, phone to E.164, country and state to ISO 3166 codes, company name
 * casing and legal form, industry to the taxonomy, enum spellings. What cannot: a missing or malformed email, a
 * disposable mailbox, a domain that receives no mail, consent not given either way, an unknown country or US or
 * Canadian state, an enum value outside its list. A phone that no library can read is left out of the CRM write
 * with a recorded correction, since a wrong number in the CRM is worse than none.
 */
public final class LeadValidator {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final FreeMailDomains freeMail;
    private final DisposableDomains disposable;
    private final MailDeliverability deliverability;

    public LeadValidator(String defaultRegion, FreeMailDomains freeMail) {
        this(defaultRegion, freeMail, DisposableDomains.shipped(), MailDeliverability.OFF);
    }

    public LeadValidator(String defaultRegion, FreeMailDomains freeMail, DisposableDomains disposable,
            MailDeliverability deliverability) {
        this.defaultRegion = defaultRegion;
        this.freeMail = freeMail;
        this.disposable = disposable;
        this.deliverability = deliverability;
    }

    public ValidationResult validate(LeadEvent lead) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ValidatedLead.Correction> corrections = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>(lead.attributes());

        EmailAddress email = email(lead, problems, corrections);
        if (EventTypes.required(EventTypes.LEAD_SUBMITTED).contains("consent") && lead.consent().isEmpty()) {
            problems.add(new FieldProblem("consent", "is required: the form must send consent true or false"));
        }
        Optional<String> country = country(lead.country(), attributes, problems, corrections);
        state(country, attributes, problems, corrections);
        Optional<String> company = lead.company().map(raw -> company(raw, attributes, corrections));
        industry(attributes, corrections);
        for (LeadEnums vocabulary : LeadEnums.values()) {
            enumValue(vocabulary, attributes, problems, corrections);
        }
        if (!problems.isEmpty()) {
            return new ValidationResult.Invalid(problems);
        }
        if (freeMail.isFreeMail(email.domain())) {
            attributes.put("freeMail", "true");
        }
        Optional<String> phone = lead.phone().flatMap(raw -> e164(raw, region(country), corrections));
        return new ValidationResult.Valid(new ValidatedLead(email,
                new PersonName(lead.firstName(), lead.lastName()), company,
                companyDomain(lead.website(), email, corrections), phone, country, lead.consent(),
                attributes, corrections));
    }

    private EmailAddress email(LeadEvent lead, List<FieldProblem> problems,
            List<ValidatedLead.Correction> corrections) {
        if (lead.email().isEmpty()) {
            problems.add(new FieldProblem("email", "is required"));
            return null;
        }
        EmailAddress email;
        try {
            email = EmailAddress.parse(lead.email().get());
        } catch (DomainViolation violation) {
            problems.add(new FieldProblem("email", violation.reason()));
            return null;
        }
        if (!email.value().equals(lead.email().get())) {
            corrections.add(new ValidatedLead.Correction("email", lead.email().get(), email.value(),
                    "trimmed and lower-cased", "email"));
        }
        if (disposable.isDisposable(email.domain())) {
            problems.add(new FieldProblem("email", "uses a disposable mailbox provider (" + email.domain() + ")"));
        } else if (!freeMail.isFreeMail(email.domain())
                && deliverability.check(email.domain()) == MailDeliverability.Verdict.NO_MAIL_SERVER) {
            problems.add(new FieldProblem("email", "domain " + email.domain() + " receives no mail (no MX or A record)"));
        }
        return email;
    }

    private static Optional<String> country(Optional<String> raw, Map<String, String> attributes,
            List<FieldProblem> problems, List<ValidatedLead.Correction> corrections) {
        if (raw.isEmpty()) {
            // A state alone can still say where the lead is ("Ontario" is in Canada, "Texas" in the US).
            Optional<String> byState = Optional.ofNullable(attributes.get("state"))
                    .flatMap(Subdivisions::codeWithoutCountry).map(code -> code.substring(0, 2));
            byState.ifPresent(code -> corrections.add(new ValidatedLead.Correction("country", "", code,
                    "taken from the state " + attributes.get("state"), "country")));
            return byState;
        }
        Optional<String> code = CountryCodes.code(raw.get());
        if (code.isEmpty()) {
            problems.add(new FieldProblem("country", "'" + raw.get() + "' is not a country name or ISO 3166 code"));
            return Optional.empty();
        }
        if (!code.get().equals(raw.get())) {
            corrections.add(new ValidatedLead.Correction("country", raw.get(), code.get(), "ISO 3166-1 alpha-2",
                    "country"));
        }
        return code;
    }

    private static void state(Optional<String> country, Map<String, String> attributes, List<FieldProblem> problems,
            List<ValidatedLead.Correction> corrections) {
        String raw = attributes.get("state");
        if (raw == null || country.isEmpty() || !Subdivisions.knows(country.get())) {
            return;
        }
        Optional<String> code = Subdivisions.code(country.get(), raw);
        if (code.isEmpty()) {
            problems.add(new FieldProblem("state", "'" + raw + "' is not a state or province of " + country.get()));
            return;
        }
        if (!code.get().equals(raw)) {
            attributes.put("state", code.get());
            corrections.add(new ValidatedLead.Correction("state", raw, code.get(), "ISO 3166-2", "state"));
        }
    }

    private static String company(String raw, Map<String, String> attributes,
            List<ValidatedLead.Correction> corrections) {
        CompanyNames.Standardized standard = CompanyNames.standardize(raw);
        if (!standard.full().equals(raw)) {
            corrections.add(new ValidatedLead.Correction("company", raw, standard.full(),
                    "spacing, casing or a trailing \", The\" tidied", "company-name"));
        }
        standard.legalForm().ifPresent(form -> {
            attributes.put("companyLegalForm", form);
            attributes.put("companyBaseName", standard.name());
        });
        return standard.full();
    }

    /** Free text to the taxonomy; text nothing recognises is filed as "other", recorded, never guessed finer. */
    private static void industry(Map<String, String> attributes, List<ValidatedLead.Correction> corrections) {
        String raw = attributes.get("industry");
        if (raw == null) {
            return;
        }
        Optional<Industry> industry = IndustryNames.industry(raw);
        String key = industry.map(Industry::key).orElse(Industry.OTHER.key());
        if (!key.equals(raw)) {
            attributes.put("industry", key);
            corrections.add(new ValidatedLead.Correction("industry", raw, key, industry.isPresent()
                    ? "mapped to the industry taxonomy" : "not recognised; filed as other", "industry"));
        }
    }

    private static void enumValue(LeadEnums vocabulary, Map<String, String> attributes, List<FieldProblem> problems,
            List<ValidatedLead.Correction> corrections) {
        String raw = attributes.get(vocabulary.field());
        if (raw == null) {
            return;
        }
        Optional<String> value = vocabulary.canonical(raw);
        if (value.isEmpty()) {
            problems.add(new FieldProblem(vocabulary.field(), "'" + raw + "' is not one of " + vocabulary.allowed()));
        } else if (!value.get().equals(raw)) {
            attributes.put(vocabulary.field(), value.get());
            corrections.add(new ValidatedLead.Correction(vocabulary.field(), raw, value.get(),
                    "spelling of an allowed value", vocabulary.field()));
        }
    }

    /** The website's registrable domain, else the email's when it is not a free-mail provider's. */
    private Optional<String> companyDomain(Optional<String> website, EmailAddress email,
            List<ValidatedLead.Correction> corrections) {
        if (website.isPresent()) {
            try {
                return Optional.of(RegistrableDomain.parse(website.get()).value());
            } catch (DomainViolation e) {
                corrections.add(new ValidatedLead.Correction("website", website.get(), "",
                        "not a usable web address; company domain taken from the email instead", "domain"));
            }
        }
        if (freeMail.isFreeMail(email.domain())) {
            return Optional.empty();
        }
        try {
            return Optional.of(RegistrableDomain.parse(email.domain()).value());
        } catch (DomainViolation e) {
            return Optional.empty();
        }
    }

    private String region(Optional<String> country) {
        return country.map(c -> c.toUpperCase(Locale.ROOT))
                .filter(c -> PHONES.getSupportedRegions().contains(c))
                .orElse(defaultRegion);
    }

    private static Optional<String> e164(String raw, String region, List<ValidatedLead.Correction> corrections) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw, region);
            if (PHONES.isValidNumber(number)) {
                String formatted = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                if (!formatted.equals(raw)) {
                    corrections.add(new ValidatedLead.Correction("phone", raw, formatted, "formatted as E.164",
                            "phone"));
                }
                return Optional.of(formatted);
            }
        } catch (NumberParseException e) {
            // falls through: an unparseable number is treated like an invalid one
        }
        corrections.add(new ValidatedLead.Correction("phone", raw, "", "not a valid phone number; left out of the CRM",
                "phone"));
        return Optional.empty();
    }
}
