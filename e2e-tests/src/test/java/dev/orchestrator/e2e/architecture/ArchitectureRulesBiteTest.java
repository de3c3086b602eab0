package dev.orchestrator.e2e.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.orchestrator.adapter.crm.archfixture.AdapterUsingWeb;
import dev.orchestrator.adapter.crm.archfixture.CrmAdapterUsingNotify;
import dev.orchestrator.adapter.notify.archfixture.NotifyUsingPersistence;
import dev.orchestrator.adapter.crm.archfixture.CrmAdapterUsingPersistence;
import dev.orchestrator.adapter.crm.archfixture.PublicPayloadParser;
import dev.orchestrator.adapter.enrichment.archfixture.EnrichmentUsingCrm;
import dev.orchestrator.adapter.persistence.archfixture.PersistenceUsingCrm;
import dev.orchestrator.application.archfixture.ApplicationReadingTheClock;
import dev.orchestrator.application.archfixture.ApplicationUsingJdbi;
import dev.orchestrator.application.archfixture.IngestHandler;
import dev.orchestrator.application.archfixture.PrintingComponent;
import dev.orchestrator.application.port.in.archfixture.IngestThings;
import dev.orchestrator.domain.archfixture.DomainUsingJackson;
import dev.orchestrator.domain.archfixture.DomainUsingJulLogging;
import dev.orchestrator.web.archfixture.ControllerUsingAService;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A rule that passes on everything is a defect: each rule is evaluated against classes that break it on purpose
 * (test sources, never in the product) and must report the violation.
 */
class ArchitectureRulesBiteTest {
    private static final Map<String, Class<?>> VIOLATIONS = Map.ofEntries(
            Map.entry("DOMAIN_USES_ONLY_THE_JDK", DomainUsingJackson.class),
            Map.entry("APPLICATION_HAS_NO_TECHNOLOGY", ApplicationUsingJdbi.class),
            Map.entry("CORE_IS_DETERMINISTIC", ApplicationReadingTheClock.class),
            Map.entry("CRM_ADAPTERS_DO_NOT_USE_OTHER_ADAPTERS", CrmAdapterUsingPersistence.class),
            Map.entry("ENRICHMENT_ADAPTERS_DO_NOT_USE_OTHER_ADAPTERS", EnrichmentUsingCrm.class),
            Map.entry("PERSISTENCE_ADAPTER_DOES_NOT_USE_OTHER_ADAPTERS", PersistenceUsingCrm.class),
            Map.entry("ADAPTERS_DO_NOT_USE_THE_WEB", AdapterUsingWeb.class),
            Map.entry("NOTIFY_ADAPTER_DOES_NOT_USE_OTHER_ADAPTERS", NotifyUsingPersistence.class),
            Map.entry("OTHER_ADAPTERS_DO_NOT_NOTIFY", CrmAdapterUsingNotify.class),
            Map.entry("WEB_REACHES_THE_APPLICATION_THROUGH_IN_PORTS", ControllerUsingAService.class),
            Map.entry("IN_PORTS_ARE_USE_CASES", IngestThings.class),
            Map.entry("USE_CASES_ARE_SERVICES", IngestHandler.class),
            Map.entry("OUT_PORT_IMPLEMENTATIONS_ARE_HIDDEN", PublicPayloadParser.class),
            Map.entry("NO_SYSTEM_OUT_OUTSIDE_THE_CLI", PrintingComponent.class),
            Map.entry("NO_JAVA_UTIL_LOGGING", DomainUsingJulLogging.class));

    @TestFactory
    List<DynamicTest> everyRuleReportsItsDeliberateViolation() throws IllegalAccessException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Field field : ArchitectureRules.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || !ArchRule.class.isAssignableFrom(field.getType())) {
                continue;
            }
            ArchRule rule = (ArchRule) field.get(null);
            Class<?> violation = VIOLATIONS.get(field.getName());
            tests.add(DynamicTest.dynamicTest(field.getName(), () -> {
                assertThat(violation).as("every rule has a deliberate violation to prove it bites").isNotNull();
                EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(violation));
                assertThat(result.hasViolation()).as("%s reports %s", field.getName(), violation.getSimpleName())
                        .isTrue();
            }));
        }
        return tests;
    }
}
