package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotSettingsTest {
    private static final String TOKEN = "pat-na1-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    @Test
    void the_token_never_shows_in_to_string() {
        HubSpotSettings settings = HubSpotSettings.of(TOKEN);

        assertThat(settings.toString()).doesNotContain(TOKEN).contains("token=[redacted]");
    }

    @Test
    void the_environment_gives_the_token_and_defaults_the_base_url_to_hubspots_api() {
        HubSpotSettings settings = HubSpotSettings.fromEnvironment(Map.of("HUBSPOT_TOKEN", TOKEN));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.hubapi.com"));
        assertThat(settings.rateLimits()).isEqualTo(HubSpotRateLimits.privateAppDefaults());
        assertThat(settings.rateLimits().burstRequests()).isEqualTo(190);
    }

    @Test
    void a_base_url_from_the_environment_loses_its_trailing_slash() {
        HubSpotSettings settings = HubSpotSettings.fromEnvironment(
                Map.of("HUBSPOT_TOKEN", TOKEN, "HUBSPOT_BASE_URL", "http://127.0.0.1:4010/"));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:4010"));
    }

    @Test
    void a_missing_token_fails_fast_naming_the_variable() {
        assertThatThrownBy(() -> HubSpotSettings.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HUBSPOT_TOKEN");
    }

    @Test
    void backfills_leave_a_tenth_of_each_window_to_live_leads() {
        HubSpotRateLimits limits = HubSpotRateLimits.privateAppDefaults();

        assertThat(limits.reserveOf(190)).isEqualTo(19);
        assertThat(limits.reserveOf(4)).isEqualTo(1);
        assertThat(limits.reserveOf(1)).isZero();
    }
}
