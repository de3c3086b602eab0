package dev.orchestrator.adapter.enrichment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import org.junit.jupiter.api.Test;

class EnrichmentArchitectureTest {
    private static final String ROOT = "dev.orchestrator.adapter.enrichment";
    private static final String CLASSIFIER = "dev.orchestrator.adapter.classifier";
    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT, CLASSIFIER, "dev.orchestrator.application.port.out.enrichment",
                    "dev.orchestrator.application.port.out.classification");

    @Test
    void every_provider_package_exists_and_has_classes() {
        for (String vendor : new String[] {"clearbit", "apollo", "sandbox"}) {
            assertThat(production.stream().anyMatch(c -> c.getPackageName().equals(ROOT + "." + vendor)))
                    .as(vendor).isTrue();
        }
    }

    @Test
    void port_implementations_are_hidden_behind_the_factories() {
        classes().that().resideInAPackage(ROOT + "..").and().implement(EnrichmentProvider.class)
                .or().implement(CompanyEnricher.class)
                .should().notBePublic()
                .because("adapters expose one public factory; callers depend on the port, not the class")
                .check(production);
    }

    @Test
    void providers_do_not_depend_on_each_other() {
        noClasses().that().resideInAPackage(ROOT + ".clearbit..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".apollo..", ROOT + ".sandbox..")
                .because("each vendor adapter stands alone; the waterfall composes them").check(production);
        noClasses().that().resideInAPackage(ROOT + ".apollo..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".clearbit..", ROOT + ".sandbox..")
                .because("each vendor adapter stands alone; the waterfall composes them").check(production);
    }

    @Test
    void the_enrichment_adapter_uses_no_other_adapter_or_the_web_layer() {
        noClasses().that().resideInAPackage(ROOT + "..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.orchestrator.adapter.crm..",
                        "dev.orchestrator.adapter.persistence..", "dev.orchestrator.web..")
                .because("adapters never import each other; only the composition root wires them")
                .check(production);
    }

    @Test
    void the_classifier_package_exists_and_its_classifiers_hide_behind_lead_classifiers() {
        assertThat(production.stream().filter(c -> c.getPackageName().equals(CLASSIFIER))
                .anyMatch(c -> c.isAssignableTo(LeadClassifier.class))).isTrue();
        classes().that().resideInAPackage(CLASSIFIER + "..").and().implement(LeadClassifier.class)
                .should().notBePublic()
                .because("LeadClassifiers is the one public factory; callers depend on the LeadClassifier port")
                .check(production);
    }

    @Test
    void the_classifier_uses_no_enrichment_provider() {
        noClasses().that().resideInAPackage(CLASSIFIER + "..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".clearbit..", ROOT + ".apollo..",
                        ROOT + ".sandbox..", "dev.orchestrator.application.port.out.enrichment..")
                .because("classification shares this module for its HTTP helpers only, not its providers")
                .check(production);
    }
}
