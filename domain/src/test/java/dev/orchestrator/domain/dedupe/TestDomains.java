package dev.orchestrator.domain.dedupe;

import java.util.Optional;
import java.util.Set;

/** A tiny public-suffix stand-in for domain tests: enough second-level suffixes for the cases used. */
final class TestDomains {
    private static final Set<String> SECOND_LEVEL = Set.of("co.uk", "com.au", "co.kr", "com.mx", "org.au");

    private TestDomains() {
    }

    static DomainKey key(String host) {
        return keyOf(host).orElseThrow();
    }

    static Optional<DomainKey> keyOf(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        String[] parts = h.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        String lastTwo = parts[parts.length - 2] + "." + parts[parts.length - 1];
        int labelAt = SECOND_LEVEL.contains(lastTwo) ? parts.length - 3 : parts.length - 2;
        if (labelAt < 0) {
            return Optional.empty();
        }
        String registrable = String.join(".", java.util.Arrays.copyOfRange(parts, labelAt, parts.length));
        return Optional.of(new DomainKey(registrable, parts[labelAt]));
    }
}
