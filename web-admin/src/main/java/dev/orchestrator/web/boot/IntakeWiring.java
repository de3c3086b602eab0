package dev.orchestrator.web.boot;

import dev.orchestrator.adapter.enrichment.dns.DnsAdapters;
import dev.orchestrator.application.intake.GitHubScheme;
import dev.orchestrator.application.intake.HubSpotV3Scheme;
import dev.orchestrator.application.intake.SignatureScheme;
import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.StripeScheme;
import dev.orchestrator.application.intake.WebhookSecret;
import dev.orchestrator.application.port.out.MailDeliverability;
import dev.orchestrator.application.validate.DisposableDomains;
import dev.orchestrator.application.validate.FreeMailDomains;
import dev.orchestrator.application.validate.LeadValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The intake gate's parts from the environment: each source's signature scheme by its name, the field maps
 * ({@code FIELD_MAPS_DIR} overrides shipped files), the disposable-domain list ({@code DISPOSABLE_DOMAINS_FILE}
 * replaces the shipped one) and the optional DNS check of mail domains ({@code MAIL_DNS_CHECK=on}; off by
 * default, so the sandbox and offline runs never touch the network).
 */
final class IntakeWiring {
    private IntakeWiring() {
    }

    /**
     * {@code stripe} signs Stripe-style, {@code hubspot} HubSpot v3, {@code github} GitHub-style; every other
     * source (form, activity, calendar, …) Standard Webhooks.
     */
    static SignatureScheme scheme(String source, List<String> secrets, Duration tolerance) {
        return switch (source) {
            case "stripe" -> new StripeScheme(secrets, tolerance);
            case "hubspot" -> new HubSpotV3Scheme(secrets, tolerance);
            case "github" -> new GitHubScheme(secrets);
            default -> new StandardWebhooksScheme(secrets.stream().map(WebhookSecret::parse).toList(), tolerance);
        };
    }

    static ShippedFieldMaps fieldMaps(Map<String, String> env) {
        Optional<Path> directory = Optional.ofNullable(env.get("FIELD_MAPS_DIR")).filter(s -> !s.isBlank())
                .map(Path::of);
        if (directory.isPresent() && !Files.isDirectory(directory.get())) {
            throw new Settings.ConfigurationError("FIELD_MAPS_DIR", "is not a directory: " + directory.get());
        }
        try {
            return ShippedFieldMaps.load(directory);
        } catch (FieldMapYamlParser.FieldMapError e) {
            throw new Settings.ConfigurationError("FIELD_MAPS_DIR", e.getMessage());
        }
    }

    static LeadValidator leadValidator(Map<String, String> env) {
        return new LeadValidator("US", FreeMailDomains.shipped(), disposableDomains(env), deliverability(env));
    }

    static DisposableDomains disposableDomains(Map<String, String> env) {
        String file = env.get("DISPOSABLE_DOMAINS_FILE");
        if (file == null || file.isBlank()) {
            return DisposableDomains.shipped();
        }
        try (InputStream in = Files.newInputStream(Path.of(file.strip()))) {
            return DisposableDomains.from(in);
        } catch (IOException e) {
            throw new Settings.ConfigurationError("DISPOSABLE_DOMAINS_FILE", "cannot be read: " + e.getMessage());
        }
    }

    static MailDeliverability deliverability(Map<String, String> env) {
        String mode = env.getOrDefault("MAIL_DNS_CHECK", "off").strip().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "on", "true" -> DnsAdapters.mxDeliverability(Duration.ofMillis(1500));
            case "off", "false", "" -> MailDeliverability.OFF;
            default -> throw new Settings.ConfigurationError("MAIL_DNS_CHECK", "must be on or off, not '" + mode + "'");
        };
    }
}
