package dev.orchestrator.application.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes one person's identifiers from free text (error messages, summaries, kept payload values): the email
 * becomes the pseudonym, the email's local part, names and phone number become {@code [erased]}. Phone numbers
 * are matched by their digits with any separators between them, so {@code +1 (415) 555-0100} goes as well as
 * {@code +14155550100}.
 */
public final class Scrubber {
    public static final String ERASED = "[erased]";
    /** Shorter needles would erase ordinary words ("Al" in "Also"); such values go only where a field names them. */
    private static final int MIN_TEXT_NEEDLE = 3;
    private static final int MIN_PHONE_DIGITS = 6;

    private final List<Replacement> replacements;

    private record Replacement(Pattern pattern, String with) {
    }

    private Scrubber(List<Replacement> replacements) {
        this.replacements = List.copyOf(replacements);
    }

    public static Scrubber nothing() {
        return new Scrubber(List.of());
    }

    /**
     * @param email   the person's email (any case), replaced by {@code pseudonym}
     * @param names   first, last and full names as they were written
     * @param phones  phone numbers as they were written
     */
    public static Scrubber of(Optional<String> email, String pseudonym, Set<String> names, Set<String> phones) {
        List<Replacement> replacements = new ArrayList<>();
        Set<String> words = new LinkedHashSet<>();
        email.map(String::strip).filter(e -> !e.isEmpty()).ifPresent(e -> {
            replacements.add(new Replacement(literal(e), pseudonym));
            int at = e.indexOf('@');
            if (at > 0) {
                words.add(e.substring(0, at));
            }
        });
        names.forEach(name -> words.add(name.strip()));
        // longest first, so "Ada Lovelace" goes as one piece before "Ada" would split it
        words.stream().filter(w -> w.length() >= MIN_TEXT_NEEDLE)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(w -> replacements.add(new Replacement(word(w), ERASED)));
        for (String phone : phones) {
            String digits = phone.replaceAll("\\D", "");
            if (digits.length() >= MIN_PHONE_DIGITS) {
                replacements.add(new Replacement(Pattern.compile(digitsWithSeparators(digits)), ERASED));
            }
        }
        return new Scrubber(replacements);
    }

    public String scrub(String text) {
        String result = text;
        for (Replacement r : replacements) {
            result = r.pattern().matcher(result).replaceAll(Matcher.quoteReplacement(r.with()));
        }
        return result;
    }

    public Optional<String> scrub(Optional<String> text) {
        return text.map(this::scrub);
    }

    /** A name as a whole word: "Ada" goes, "Adams" stays. */
    private static Pattern word(String needle) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(needle) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Pattern literal(String needle) {
        return Pattern.compile(Pattern.quote(needle), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The number's last ten digits identify it; a country code (with its + and separators) may or may not be
     * written before them, and separators or parentheses may sit between any two digits.
     */
    private static String digitsWithSeparators(String digits) {
        String significant = digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
        String separated = String.join("[\\s().-]*", significant.split(""));
        if (digits.length() == significant.length()) {
            return "\\+?\\(?" + separated;
        }
        String country = String.join("[\\s().-]*", digits.substring(0, digits.length() - significant.length()).split(""));
        return "(?:\\+?" + country + "[\\s().-]*)?\\(?" + separated;
    }
}
