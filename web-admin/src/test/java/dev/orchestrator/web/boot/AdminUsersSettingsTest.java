package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.web.api.ApiAuth.Role;
import dev.orchestrator.web.auth.PasswordHash;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminUsersSettingsTest {
    private static final String REAL_CRM = "salesforce";

    private static Settings read(Map<String, String> env) {
        return Settings.fromEnvironment(env, Optional.empty(), Optional.empty());
    }

    @Test
    void theSandboxWithNoUsersHasTheDocumentedDevelopmentAdmin() {
        Settings settings = read(Map.of());

        assertThat(settings.adminUsers()).singleElement().satisfies(user -> {
            assertThat(user.username()).isEqualTo(Settings.DEV_ADMIN_USER);
            assertThat(user.role()).isEqualTo(Role.ADMIN);
            assertThat(user.password().matches(Settings.DEV_ADMIN_PASSWORD)).isTrue();
        });
        assertThat(settings.developmentSecrets()).isTrue();
    }

    @Test
    void configuredUsersReplaceTheDevelopmentAdmin() {
        String hash = PasswordHash.create("a-real-password", new SecureRandom(), 100_000).encode();

        Settings settings = read(Map.of("ORCH_ADMIN_USERS", "viewer:ann:" + hash));

        assertThat(settings.adminUsers()).extracting(u -> u.username()).containsExactly("ann");
    }

    @Test
    void aRealCrmWithoutAdminUsersDoesNotStart() {
        assertThatThrownBy(() -> read(realCrm(Map.of())))
                .hasMessage("ORCH_ADMIN_USERS is required when CRM=" + REAL_CRM);
    }

    @Test
    void aRealCrmRefusesTheDevelopmentPassword() {
        String dev = PasswordHash.create(Settings.DEV_ADMIN_PASSWORD, new SecureRandom(), 100_000).encode();

        assertThatThrownBy(() -> read(realCrm(Map.of("ORCH_ADMIN_USERS", "admin:boss:" + dev))))
                .hasMessageContaining("development password");
    }

    @Test
    void aMalformedEntryNamesTheVariable() {
        assertThatThrownBy(() -> read(Map.of("ORCH_ADMIN_USERS", "admin:boss")))
                .hasMessageStartingWith("ORCH_ADMIN_USERS ");
    }

    private static Map<String, String> realCrm(Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(more);
        env.put("CRM", REAL_CRM);
        env.put("WEBHOOK_SECRET_FORM", "whsec_cmVhbC1zZWNyZXQtZm9yLXRlc3RzLTEyMzQ1Njc4");
        env.put("WEBHOOK_SECRET_ACTIVITY", "whsec_cmVhbC1zZWNyZXQtZm9yLXRlc3RzLTEyMzQ1Njc4");
        env.put("ORCH_API_TOKENS", "admin:real-token-for-tests");
        return env;
    }
}
