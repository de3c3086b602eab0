package dev.orchestrator.web.edge;

import dev.orchestrator.application.outbound.IpRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The privacy and edge settings (docs/SECURITY.md), read from the environment and checked at start-up so a bad
 * value fails fast with its name:
 * {@code WEBHOOK_ALLOW_IPS_<SOURCE>} (CIDR list), {@code WEBHOOK_RATE_LIMIT_<SOURCE>} (requests a second),
 * {@code RETENTION_DAYS} (365), {@code RETENTION_SWEEP_MINUTES} (60), {@code FORGET_IN_CRM} (true),
 * {@code OUTBOUND_ALLOW_HOSTS} and {@code OUTBOUND_ALLOW_CIDRS} (the SSRF guard's exceptions).
 */
public record SecuritySettings(
        Map<String, List<IpRange>> webhookAllowIps,
        Map<String, Double> webhookRateLimits,
        Duration retention,
        Duration retentionSweepEvery,
        boolean forgetInCrm,
        List<String> outboundAllowHosts,
        List<IpRange> outboundAllowRanges) {

    private static final String ALLOW_IPS = "WEBHOOK_ALLOW_IPS_";
    private static final String RATE_LIMIT = "WEBHOOK_RATE_LIMIT_";

    public SecuritySettings {
        webhookAllowIps = Map.copyOf(webhookAllowIps);
        webhookRateLimits = Map.copyOf(webhookRateLimits);
        outboundAllowHosts = List.copyOf(outboundAllowHosts);
        outboundAllowRanges = List.copyOf(outboundAllowRanges);
    }

    public static SecuritySettings defaults() {
        return fromEnvironment(Map.of());
    }

    public static SecuritySettings fromEnvironment(Map<String, String> env) {
        Map<String, List<IpRange>> allow = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : env.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith(ALLOW_IPS) && name.length() > ALLOW_IPS.length()) {
                allow.put(source(name, ALLOW_IPS), ranges(name, entry.getValue()));
            } else if (name.startsWith(RATE_LIMIT) && name.length() > RATE_LIMIT.length()) {
                rates.put(source(name, RATE_LIMIT), positive(name, entry.getValue()));
            }
        }
        long days = whole(env, "RETENTION_DAYS", 365);
        long sweepMinutes = whole(env, "RETENTION_SWEEP_MINUTES", 60);
        String forget = env.getOrDefault("FORGET_IN_CRM", "true").strip().toLowerCase(Locale.ROOT);
        if (!forget.equals("true") && !forget.equals("false")) {
            throw new IllegalArgumentException("FORGET_IN_CRM must be true or false");
        }
        return new SecuritySettings(allow, rates, Duration.ofDays(days), Duration.ofMinutes(sweepMinutes),
                forget.equals("true"), csv(env.get("OUTBOUND_ALLOW_HOSTS")),
                ranges("OUTBOUND_ALLOW_CIDRS", env.getOrDefault("OUTBOUND_ALLOW_CIDRS", "")));
    }

    public WebhookGuard webhookGuard() {
        return new WebhookGuard(webhookAllowIps, webhookRateLimits, System::nanoTime);
    }

    private static String source(String variable, String prefix) {
        return variable.substring(prefix.length()).toLowerCase(Locale.ROOT);
    }

    private static List<IpRange> ranges(String variable, String value) {
        List<IpRange> ranges = new ArrayList<>();
        for (String part : csv(value)) {
            try {
                ranges.add(IpRange.parse(part));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(variable + ": " + e.getMessage());
            }
        }
        return ranges;
    }

    private static double positive(String variable, String value) {
        try {
            double rate = Double.parseDouble(value.strip());
            if (rate > 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(variable + " must be a positive number of requests a second");
    }

    private static long whole(Map<String, String> env, String variable, long fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(variable + " must be a positive whole number");
    }

    private static List<String> csv(String value) {
        List<String> values = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }
}
