package dev.orchestrator.web.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.domain.merge.FieldMergeRule.Strategy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergePolicyFileTest {
    @Test
    void the_shipped_file_ranks_people_over_forms_over_enrichment() {
        MergeSettings shipped = MergePolicyFile.shipped();

        assertThat(shipped.policy().ranking().sources()).containsExactly("crm-user", "form", "enrichment");
        assertThat(shipped.policy().ruleFor("employees").strategy()).isEqualTo(Strategy.TRUSTED_REFRESH);
        assertThat(shipped.personThresholds().match()).isEqualTo(6.5);
    }

    @Test
    void each_field_gets_the_rule_the_file_names() {
        MergeSettings settings = MergePolicyFile.parse("fields:\n  phone: newest-wins\n");

        assertThat(settings.policy().ruleFor("phone").strategy()).isEqualTo(Strategy.NEWEST_WINS);
        assertThat(settings.policy().ruleFor("industry").strategy()).isEqualTo(Strategy.SOURCE_PRIORITY);
    }

    @Test
    void an_unknown_rule_is_refused_naming_the_field() {
        assertThatThrownBy(() -> MergePolicyFile.parse("fields:\n  phone: loudest-wins\n"))
                .isInstanceOf(MergePolicyFile.InvalidMergePolicy.class).hasMessageContaining("fields.phone")
                .hasMessageContaining("source-priority");
    }

    @Test
    void thresholds_that_cross_are_refused() {
        assertThatThrownBy(() -> MergePolicyFile.parse("person_dedupe: {match: 3, possible: 5}\n"))
                .isInstanceOf(MergePolicyFile.InvalidMergePolicy.class).hasMessageContaining("possible");
    }

    @Test
    void an_unknown_top_level_key_is_refused() {
        assertThatThrownBy(() -> MergePolicyFile.parse("feilds: {}\n"))
                .isInstanceOf(MergePolicyFile.InvalidMergePolicy.class).hasMessageContaining("feilds");
    }

    @Test
    void the_environment_variable_points_at_another_file() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("merge-policy", ".yaml");
        java.nio.file.Files.writeString(file, "sources: [form, crm-user]\n");

        assertThat(MergePolicyFile.fromEnvironment(Map.of(MergePolicyFile.ENV, file.toString())).policy().ranking()
                .sources()).containsExactly("form", "crm-user");
    }
}
