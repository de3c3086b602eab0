package dev.orchestrator.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeOriginTest {

    @Test
    void a_change_in_the_crm_screens_is_a_persons_and_names_the_user() {
        ChangeOrigin origin = new ChangeOrigin("CRM_UI", Optional.of("userId:4711"));

        assertThat(origin.byPerson()).isTrue();
        assertThat(origin.actorName("hubspot")).isEqualTo("hubspot-user:4711");
    }

    @Test
    void an_integrations_or_workflows_change_is_not_a_persons() {
        assertThat(new ChangeOrigin("INTEGRATION", Optional.of("123456")).byPerson()).isFalse();
        assertThat(new ChangeOrigin("workflows", Optional.empty()).byPerson()).isFalse();
        assertThat(new ChangeOrigin("INTEGRATION", Optional.of("123456")).actorName("hubspot"))
                .isEqualTo("hubspot:integration:123456");
    }

    @Test
    void any_source_naming_the_user_who_acted_is_a_persons() {
        assertThat(new ChangeOrigin("IMPORT", Optional.of("userId:9")).byPerson()).isTrue();
    }
}
