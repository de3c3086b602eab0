package dev.orchestrator.application.dedupe;

import com.google.common.net.InternetDomainName;
import dev.orchestrator.domain.dedupe.DomainKey;
import dev.orchestrator.domain.dedupe.RegistrableDomains;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Registrable domains from the public suffix list Guava ships: "https://WWW.Acme.co.uk/about" gives
 * acme.co.uk with label "acme". Remembers answers because a batch repeats the same domains (thread-safe).
 */
public final class GuavaRegistrableDomains implements RegistrableDomains {
    private final Map<String, Optional<DomainKey>> cache = new ConcurrentHashMap<>();

    @Override
    public Optional<DomainKey> keyOf(String hostOrUrl) {
        if (hostOrUrl == null || hostOrUrl.isBlank()) {
            return Optional.empty();
        }
        String host = host(hostOrUrl);
        return cache.computeIfAbsent(host, GuavaRegistrableDomains::compute);
    }

    static String host(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int end = s.length();
        for (char stop : new char[] {'/', '?', '#', ':'}) {
            int i = s.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        s = s.substring(0, end);
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        return s;
    }

    private static Optional<DomainKey> compute(String host) {
        if (host.isEmpty() || !InternetDomainName.isValid(host)) {
            return Optional.empty();
        }
        InternetDomainName name = InternetDomainName.from(host);
        if (!name.isUnderPublicSuffix()) {
            return Optional.empty();
        }
        String registrable = name.topPrivateDomain().toString();
        String suffix = name.publicSuffix().toString();
        String label = registrable.substring(0, registrable.length() - suffix.length() - 1);
        return Optional.of(new DomainKey(registrable, label));
    }
}
