package dev.orchestrator.e2e.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule holds on the product's classes (all modules, no test code). */
class ArchitectureTest {
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::notATestJar)
                .importPackages("dev.orchestrator");
    }

    static boolean notATestJar(Location location) {
        return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }

    @TestFactory
    List<DynamicTest> everyRuleHoldsOnTheProduct() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Field field : ArchitectureRules.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && ArchRule.class.isAssignableFrom(field.getType())) {
                tests.add(DynamicTest.dynamicTest(field.getName(), () -> ((ArchRule) field.get(null)).check(product)));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(12);
        return tests;
    }

    @Test
    void everyPackageTheRulesNameHoldsClasses() {
        for (String pkg : List.of("dev.orchestrator.domain", "dev.orchestrator.application.port.in",
                "dev.orchestrator.application.port.out", "dev.orchestrator.application.service",
                "dev.orchestrator.adapter.crm", "dev.orchestrator.adapter.persistence",
                "dev.orchestrator.adapter.enrichment", "dev.orchestrator.adapter.notify", "dev.orchestrator.web", "dev.orchestrator.web.boot")) {
            assertThat(product.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
                    .as("package %s has classes, so rules naming it cannot pass vacuously", pkg).isTrue();
        }
    }
}
