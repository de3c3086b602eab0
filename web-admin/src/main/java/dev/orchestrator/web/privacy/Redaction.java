package dev.orchestrator.web.privacy;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The last line of defence for secrets: every log line (through the logback converters of this package) and the
 * texts {@code /health} passes on from other systems are cleaned of the configured secret values and of bearer
 * tokens, whatever code wrote them. Secrets are registered once at start-up. Static because logback builds its
 * converters itself and cannot be handed an instance.
 */
public final class Redaction {
    public static final String MASK = "***";
    /** Shorter values would mask ordinary words; no real secret is this short. */
    private static final int MIN_SECRET = 8;
    private static final Pattern SECRET_NAME = Pattern.compile(".*(TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL).*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]+:)[^@\\s]+@");
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Redaction() {
    }

    public static void register(Collection<String> secrets) {
        for (String secret : secrets) {
            if (secret != null && secret.strip().length() >= MIN_SECRET) {
                SECRETS.add(secret.strip());
            }
        }
    }

    /**
     * The values of variables whose names say they are secret ({@code *_TOKEN}, {@code *_SECRET*},
     * {@code *_KEY}, {@code *PASSWORD*}), each comma-separated part as well (rotation lists), and the password of
     * {@code DATABASE_URL}.
     */
    public static void registerEnvironment(Map<String, String> env) {
        env.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches()) {
                register(List.of(value));
                for (String part : value.split(",")) {
                    register(List.of(part));
                    int colon = part.indexOf(':');
                    if (colon > 0) {
                        register(List.of(part.substring(colon + 1))); // role:token
                    }
                }
            }
        });
        String url = env.get("DATABASE_URL");
        if (url != null) {
            var m = Pattern.compile("://[^:/@]+:([^@]+)@").matcher(url);
            if (m.find()) {
                register(List.of(m.group(1)));
            }
        }
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        if (!SECRETS.isEmpty()) {
            List<String> longestFirst = SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
            for (String secret : longestFirst) {
                if (result.contains(secret)) {
                    result = result.replace(secret, MASK);
                }
            }
        }
        result = BEARER.matcher(result).replaceAll("$1" + MASK);
        return URL_PASSWORD.matcher(result).replaceAll("$1" + MASK + "@");
    }
}
