package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.out.MailDeliverability;
import dev.orchestrator.web.auth.PasswordHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeWiringTest {

    @Test
    void eachSourceIsVerifiedWithItsOwnScheme() {
        Duration tolerance = Duration.ofMinutes(5);
        assertThat(IntakeWiring.scheme("stripe", List.of("whsec_x"), tolerance).name()).isEqualTo("stripe");
        assertThat(IntakeWiring.scheme("hubspot", List.of("s"), tolerance).name()).isEqualTo("hubspot-v3");
        assertThat(IntakeWiring.scheme("github", List.of("s"), tolerance).name()).isEqualTo("github");
        assertThat(IntakeWiring.scheme("calendar", List.of(Settings.DEV_WEBHOOK_SECRET), tolerance).name())
                .isEqualTo(IntakeWiring.scheme("form", List.of(Settings.DEV_WEBHOOK_SECRET), tolerance).name());
    }

    @Test
    void theMailDnsCheckIsOffUnlessSwitchedOn() {
        assertThat(IntakeWiring.deliverability(Map.of())).isSameAs(MailDeliverability.OFF);
        assertThat(IntakeWiring.deliverability(Map.of("MAIL_DNS_CHECK", "on"))).isNotSameAs(MailDeliverability.OFF);
    }

    @Test
    void anUnknownMailDnsCheckSettingFailsFast() {
        assertThatThrownBy(() -> IntakeWiring.deliverability(Map.of("MAIL_DNS_CHECK", "maybe")))
                .isInstanceOf(Settings.ConfigurationError.class).hasMessageStartingWith("MAIL_DNS_CHECK");
    }

    @Test
    void anUpdatedDisposableListReplacesTheShippedOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("disposable.txt");
        Files.writeString(file, "# mine\nthrowaway.example\n");

        assertThat(IntakeWiring.disposableDomains(Map.of("DISPOSABLE_DOMAINS_FILE", file.toString())).size()).isEqualTo(1);
    }

    @Test
    void aBrokenFieldMapOverrideStopsTheStartNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("stripe.yaml"), "source: stripe\nevent: payment.succeeded\nfields: {}\n");

        assertThatThrownBy(() -> IntakeWiring.fieldMaps(Map.of("FIELD_MAPS_DIR", dir.toString())))
                .isInstanceOf(Settings.ConfigurationError.class).hasMessageContaining("stripe.yaml");
    }

    @Test
    void theSandboxServesCalendarAndStripeWithTheDevelopmentSecret() {
        Settings settings = Settings.fromEnvironment(Map.of(), Optional.empty(), Optional.empty());

        assertThat(settings.webhookSecrets()).containsKeys("form", "activity", "calendar", "stripe");
    }

    @Test
    void aRealCrmServesCalendarAndStripeOnlyWhenTheirSecretsAreSet() {
        String hash = PasswordHash.create("a-real-password", new SecureRandom(), 100_000).encode();
        Map<String, String> env = new HashMap<>(Map.of("CRM", "salesforce",
                "WEBHOOK_SECRET_FORM", "whsec_cmVhbC1zZWNyZXQtZm9yLXRlc3RzLTEyMzQ1Njc4",
                "WEBHOOK_SECRET_ACTIVITY", "whsec_cmVhbC1zZWNyZXQtZm9yLXRlc3RzLTEyMzQ1Njc4",
                "WEBHOOK_SECRET_STRIPE", "whsec_live_stripe_secret_for_tests",
                "ORCH_API_TOKENS", "admin:real-token-for-tests", "ORCH_ADMIN_USERS", "admin:boss:" + hash));

        Settings settings = Settings.fromEnvironment(env, Optional.empty(), Optional.empty());

        assertThat(settings.webhookSecrets()).containsKey("stripe").doesNotContainKey("calendar");
    }

    @Test
    void aRealCrmRefusesTheDevelopmentSecretForStripe() {
        String hash = PasswordHash.create("a-real-password", new SecureRandom(), 100_000).encode();
        Map<String, String> env = new HashMap<>(Map.of("CRM", "salesforce",
                "WEBHOOK_SECRET_FORM", "whsec_cmVhbC1zZWNyZXQtZm9yLXRlc3RzLTEyMzQ1Njc4",
                "WEBHOOK_SECRET_ACTIVITY", "whsec_cmVhbC1zZWNyZXQtZm9yLXRlc3RzLTEyMzQ1Njc4",
                "WEBHOOK_SECRET_STRIPE", Settings.DEV_WEBHOOK_SECRET,
                "ORCH_API_TOKENS", "admin:real-token-for-tests", "ORCH_ADMIN_USERS", "admin:boss:" + hash));

        assertThatThrownBy(() -> Settings.fromEnvironment(env, Optional.empty(), Optional.empty()))
                .isInstanceOf(Settings.ConfigurationError.class).hasMessageStartingWith("WEBHOOK_SECRET_STRIPE");
    }
}
