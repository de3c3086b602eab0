package dev.orchestrator.application.validate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.intake.LeadEvent;
import dev.orchestrator.domain.shared.DomainViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what of a lead may enter the CRM. A missing or malformed email stops the lead (it goes to review);
 * a phone is rewritten to E.164 when libphonenumber can, and otherwise left out of the CRM write with a
 * recorded correction, since a wrong number in the CRM is worse than none.
 */
public final class LeadValidator {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final FreeMailDomains freeMail;

    public LeadValidator(String defaultRegion, FreeMailDomains freeMail) {
        this.defaultRegion = defaultRegion;
        this.freeMail = freeMail;
    }

    public ValidationResult validate(LeadEvent lead) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ValidatedLead.Correction> corrections = new ArrayList<>();
        EmailAddress email = null;
        if (lead.email().isEmpty()) {
            problems.add(new FieldProblem("email", "is required"));
        } else {
            try {
                email = EmailAddress.parse(lead.email().get());
                if (!email.value().equals(lead.email().get())) {
                    corrections.add(new ValidatedLead.Correction("email", lead.email().get(), email.value(),
                            "trimmed and lower-cased"));
                }
            } catch (DomainViolation violation) {
                problems.add(new FieldProblem("email", violation.reason()));
            }
        }
        if (!problems.isEmpty()) {
            return new ValidationResult.Invalid(problems);
        }
        Optional<String> phone = lead.phone().flatMap(raw -> e164(raw, region(lead.country()), corrections));
        Optional<String> country = lead.country().map(c -> c.strip().toUpperCase(Locale.ROOT))
                .filter(c -> c.length() == 2);
        return new ValidationResult.Valid(new ValidatedLead(email,
                new PersonName(lead.firstName(), lead.lastName()), lead.company().map(String::strip),
                companyDomain(lead.website(), email, corrections), phone, country, lead.consent(),
                lead.attributes(), corrections));
    }

    /** The website's registrable domain, else the email's when it is not a free-mail provider's. */
    private Optional<String> companyDomain(Optional<String> website, EmailAddress email,
            List<ValidatedLead.Correction> corrections) {
        if (website.isPresent()) {
            try {
                return Optional.of(RegistrableDomain.parse(website.get()).value());
            } catch (DomainViolation e) {
                corrections.add(new ValidatedLead.Correction("website", website.get(), "",
                        "not a usable web address; company domain taken from the email instead"));
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
        return country.map(c -> c.strip().toUpperCase(Locale.ROOT))
                .filter(c -> c.length() == 2 && PHONES.getSupportedRegions().contains(c))
                .orElse(defaultRegion);
    }

    private static Optional<String> e164(String raw, String region, List<ValidatedLead.Correction> corrections) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw, region);
            if (PHONES.isValidNumber(number)) {
                String formatted = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                if (!formatted.equals(raw)) {
                    corrections.add(new ValidatedLead.Correction("phone", raw, formatted, "formatted as E.164"));
                }
                return Optional.of(formatted);
            }
        } catch (NumberParseException e) {
            // falls through: an unparseable number is treated like an invalid one
        }
        corrections.add(new ValidatedLead.Correction("phone", raw, "", "not a valid phone number; left out of the CRM"));
        return Optional.empty();
    }
}
