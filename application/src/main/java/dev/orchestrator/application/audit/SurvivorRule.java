package dev.orchestrator.application.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which member of a duplicate cluster survives a merge: the pluggable half of the merge rules (the per-field
 * priority matrix decides values; this decides the record). Members come as their id and field values.
 */
@FunctionalInterface
public interface SurvivorRule {
    /** The members ordered so that the survivor is first. */
    List<String> order(Map<String, Map<String, String>> members);

    /** The record with the most filled fields survives; ties go to the oldest (smallest) id. */
    static SurvivorRule mostComplete() {
        return members -> members.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Map<String, String>>>comparingLong(
                                e -> -e.getValue().values().stream().filter(v -> !v.isBlank()).count())
                        .thenComparing(e -> e.getKey(), SurvivorRule::byIdAge))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Numeric ids by value (CRM ids grow with age), others as text. */
    static int byIdAge(String a, String b) {
        boolean numeric = a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
        if (numeric && !a.isEmpty() && !b.isEmpty()) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        return a.compareTo(b);
    }
}
