package dev.orchestrator.application.dedupe;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.orchestrator.domain.dedupe.Countries;
import dev.orchestrator.domain.dedupe.DomainKey;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.dedupe.RegistrableDomains;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a raw row into what the matcher compares: registrable domains from the domain, website, work e-mail
 * and a name typed as a domain; phones as E.164 where libphonenumber can read them, guessing the region
 * from the country or the domain's country code.
 */
public final class MatchRecordFactory {
    private static final Pattern DOMAIN_LIKE_NAME = Pattern.compile(
            "^\\s*(https?://)?(www\\.)?[A-Za-z0-9-]+(\\.[A-Za-z]{2,})+/?\\s*$");
    private static final Set<String> COUNTRY_TLDS = Set.of("au", "kr", "mx", "uk", "de", "fr", "nl", "ca", "jp",
            "nz", "ie", "es", "it", "br", "in", "sg", "ch", "se", "be", "at", "za", "cn");
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\s*(x|ext\\.?|extension)\\s*\\d+\\s*$");
    private final RegistrableDomains domains;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    public MatchRecordFactory(RegistrableDomains domains) {
        this.domains = domains;
    }

    public MatchRecord toMatchRecord(DedupeRecord r) {
        MatchRecord.Builder b = MatchRecord.builder(r.recordId())
                .companyName(r.companyName())
                .personName(r.firstName(), r.lastName())
                .email(r.email())
                .city(r.city())
                .country(r.country());
        Optional<String> countryCode = Countries.code(r.country());
        for (String source : new String[] {r.domain(), r.website(), r.email(), domainLikeName(r.companyName())}) {
            Optional<DomainKey> key = domains.keyOf(source);
            key.ifPresent(b::domain);
            if (key.isPresent() && countryCode.isEmpty()) {
                String tld = key.get().registrable().substring(key.get().registrable().lastIndexOf('.') + 1);
                if (COUNTRY_TLDS.contains(tld)) {
                    countryCode = Optional.of(tld.equals("uk") ? "gb" : tld);
                }
            }
        }
        // Without a known country only numbers written with "+" can be read; the rest compare by digits.
        String region = countryCode.map(c -> c.toUpperCase(Locale.ROOT)).orElse("ZZ");
        phoneKey(r.phone(), region).ifPresent(b::phone);
        return b.build();
    }

    private static String domainLikeName(String name) {
        return name.indexOf('.') > 0 && DOMAIN_LIKE_NAME.matcher(name).matches() ? name.strip() : "";
    }

    /** E.164 when the number has a possible length for its region, else its digits without trunk zeros. */
    Optional<String> phoneKey(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (!region.equals("ZZ") || raw.strip().startsWith("+")) {
            Optional<String> e164 = e164(raw, region);
            if (e164.isPresent()) {
                return e164;
            }
        }
        String digits = EXTENSION.matcher(raw).replaceAll("").chars().filter(Character::isDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        int zeros = 0;
        while (zeros < digits.length() && digits.charAt(zeros) == '0') {
            zeros++;
        }
        digits = digits.substring(zeros);
        return digits.length() >= 5 ? Optional.of(digits) : Optional.empty();
    }

    private Optional<String> e164(String raw, String region) {
        try {
            Phonenumber.PhoneNumber number = phones.parse(raw, region);
            if (phones.isPossibleNumber(number)) {
                return Optional.of(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
            }
        } catch (NumberParseException e) {
            // Not a number libphonenumber understands: the caller falls back to its digits.
        }
        return Optional.empty();
    }
}
