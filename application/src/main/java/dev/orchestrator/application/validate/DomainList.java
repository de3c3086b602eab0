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

/** A shipped, editable list of mail domains: one per line, '#' comments, read once. */
final class DomainList {
    private DomainList() {
    }

    static Set<String> read(InputStream in) {
        Set<String> domains = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
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
        return domains;
    }

    static Set<String> shipped(String resource) {
        try (InputStream in = DomainList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the shipped list " + resource + " is missing from the jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The domain itself or any parent of it is listed (a provider's subdomains are the provider's). */
    static boolean covers(Set<String> domains, String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        while (true) {
            if (domains.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                return false;
            }
            d = d.substring(dot + 1);
        }
    }
}
