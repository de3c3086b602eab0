package dev.orchestrator.domain.crm;

import java.util.Optional;

/** First and last name as given; either may be missing on a real form. */
public record PersonName(Optional<String> first, Optional<String> last) {
    public PersonName {
        first = first.map(String::strip).filter(s -> !s.isEmpty());
        last = last.map(String::strip).filter(s -> !s.isEmpty());
    }

    public static PersonName of(String first, String last) {
        return new PersonName(Optional.ofNullable(first), Optional.ofNullable(last));
    }

    public static PersonName unknown() {
        return new PersonName(Optional.empty(), Optional.empty());
    }

    public String display() {
        return (first.orElse("") + " " + last.orElse("")).strip();
    }
}
