package dev.orchestrator.application.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Mailbox providers anyone can sign up to (shipped list {@code intake/free-mail-domains.txt}). */
public final class FreeMailDomains {
    private final Set<String> domains;

    public FreeMailDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    public static FreeMailDomains shipped() {
        Set<String> domains = new HashSet<>();
        try (InputStream in = FreeMailDomains.class.getResourceAsStream("/intake/free-mail-domains.txt")) {
            if (in == null) {
                throw new IllegalStateException("the shipped free-mail list is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String domain = line.strip().toLowerCase(Locale.ROOT);
                if (!domain.isEmpty() && !domain.startsWith("#")) {
                    domains.add(domain);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FreeMailDomains(domains);
    }

    public boolean isFreeMail(String domain) {
        return domains.contains(domain.strip().toLowerCase(Locale.ROOT));
    }
}
