package dev.orchestrator.application.port.out.classification;

import dev.orchestrator.domain.shared.Require;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a classifier may read about a lead: the free text it wrote, the company's name and domain, and a few
 * canonical fields (country, budget range, urgency, industry, employees). Never the whole contact: a model sees
 * no more personal data than it needs.
 */
public record ClassificationInput(String message, Optional<String> companyName, Optional<String> companyDomain,
        Map<String, String> fields) {

    /** Longer text is cut: the tail of a long message rarely changes the reading and costs tokens. */
    public static final int MAX_MESSAGE = 4000;

    public ClassificationInput {
        Require.present("message", message);
        message = message.strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
        Require.present("companyName", companyName);
        Require.present("companyDomain", companyDomain);
        fields = Map.copyOf(new TreeMap<>(Require.present("fields", fields)));
    }

    /** SHA-256 over every part, in a fixed order: equal inputs share one cached answer. */
    public String hash() {
        StringBuilder canonical = new StringBuilder();
        part(canonical, message);
        part(canonical, companyName.orElse(""));
        part(canonical, companyDomain.orElse(""));
        new TreeMap<>(fields).forEach((key, value) -> {
            part(canonical, key);
            part(canonical, value);
        });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    /** Length-prefixed, so "ab"+"c" and "a"+"bc" never hash alike. */
    private static void part(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append(';');
    }
}
