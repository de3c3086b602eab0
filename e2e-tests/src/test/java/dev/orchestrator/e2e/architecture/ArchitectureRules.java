package dev.orchestrator.e2e.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** The module table of DESIGN.md and the habits of STYLE.md, as rules. Each one is proven to bite. */
final class ArchitectureRules {
    static final String DOMAIN = "dev.orchestrator.domain..";
    static final String APPLICATION = "dev.orchestrator.application..";
    static final String ADAPTERS = "dev.orchestrator.adapter..";
    static final String WEB = "dev.orchestrator.web..";

    private ArchitectureRules() {
    }

    static final ArchRule DOMAIN_USES_ONLY_THE_JDK = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the domain is the rules of RevOps, and must run anywhere: in the sandbox, a dry run, a test");

    static final ArchRule APPLICATION_HAS_NO_TECHNOLOGY = noClasses().that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, WEB, "com.fasterxml.jackson..",
                    "io.javalin..", "org.jdbi..", "gg.jte..", "java.net.http..", "org.flywaydb..", "java.sql..")
            .because("use cases talk to the world through ports; JSON, HTTP, SQL and templates live in adapters");

    static final ArchRule CORE_IS_DETERMINISTIC = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .because("a rule evaluation, a dry run and an audit trail must be reproducible: clocks and ids come in");

    static final ArchRule CRM_ADAPTERS_DO_NOT_USE_OTHER_ADAPTERS = noClasses()
            .that().resideInAPackage("dev.orchestrator.adapter.crm..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orchestrator.adapter.enrichment..",
                    "dev.orchestrator.adapter.persistence..")
            .because("adapters meet only through the application's ports");

    static final ArchRule ENRICHMENT_ADAPTERS_DO_NOT_USE_OTHER_ADAPTERS = noClasses()
            .that().resideInAPackage("dev.orchestrator.adapter.enrichment..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orchestrator.adapter.crm..",
                    "dev.orchestrator.adapter.persistence..")
            .because("adapters meet only through the application's ports");

    static final ArchRule PERSISTENCE_ADAPTER_DOES_NOT_USE_OTHER_ADAPTERS = noClasses()
            .that().resideInAPackage("dev.orchestrator.adapter.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orchestrator.adapter.crm..",
                    "dev.orchestrator.adapter.enrichment..")
            .because("adapters meet only through the application's ports");

    static final ArchRule NOTIFY_ADAPTER_DOES_NOT_USE_OTHER_ADAPTERS = noClasses()
            .that().resideInAPackage("dev.orchestrator.adapter.notify..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orchestrator.adapter.crm..",
                    "dev.orchestrator.adapter.enrichment..", "dev.orchestrator.adapter.persistence..",
                    "org.jdbi..", "java.sql..")
            .because("outbound notifications only speak HTTP; what was sent is recorded by the action layer "
                    + "through its outbox port, in its own transaction (docs/DECISIONS.md)");

    static final ArchRule OTHER_ADAPTERS_DO_NOT_NOTIFY = noClasses()
            .that().resideInAnyPackage("dev.orchestrator.adapter.crm..", "dev.orchestrator.adapter.enrichment..",
                    "dev.orchestrator.adapter.persistence..")
            .should().dependOnClassesThat().resideInAPackage("dev.orchestrator.adapter.notify..")
            .because("only the action layer decides that someone is told; adapters meet only through ports");

    static final ArchRule ADAPTERS_DO_NOT_USE_THE_WEB = noClasses().that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(WEB)
            .because("driven adapters know nothing of the HTTP surface");

    static final ArchRule WEB_REACHES_THE_APPLICATION_THROUGH_IN_PORTS = noClasses().that().resideInAPackage(WEB)
            .and().resideOutsideOfPackage("dev.orchestrator.web.boot..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orchestrator.application.service..",
                    "dev.orchestrator.application.normalize..", "dev.orchestrator.application.validate..")
            .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .because("controllers call use cases (port.in); only the composition root knows implementations");

    static final ArchRule IN_PORTS_ARE_USE_CASES = classes().that().resideInAPackage("dev.orchestrator.application.port.in..")
            .and().areInterfaces().and().areTopLevelClasses()
            .and(com.tngtech.archunit.base.DescribedPredicate.describe("are not sealed outcome types",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> !c.reflect().isSealed()))
            .should().haveSimpleNameEndingWith("UseCase")
            .because("one use case = one in-port interface");

    static final ArchRule USE_CASES_ARE_SERVICES = classes().that().implement(
                    com.tngtech.archunit.base.DescribedPredicate.describe("a port.in use case",
                            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName()
                                    .startsWith("dev.orchestrator.application.port.in")
                                    && c.getSimpleName().endsWith("UseCase")))
            .should().resideInAPackage("dev.orchestrator.application.service..")
            .andShould().haveSimpleNameEndingWith("Service")
            .because("use-case implementations live in service and say so in their name");

    static final ArchRule OUT_PORT_IMPLEMENTATIONS_ARE_HIDDEN = classes().that().resideInAPackage(ADAPTERS)
            .and().implement(com.tngtech.archunit.base.DescribedPredicate.describe("an out-port",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName()
                            .startsWith("dev.orchestrator.application.port.out")))
            .should().notHaveModifier(JavaModifier.PUBLIC)
            .because("each adapter exposes one public factory; its port implementations stay package-private");

    static final ArchRule NO_SYSTEM_OUT_OUTSIDE_THE_CLI = noClasses().that().resideOutsideOfPackage("dev.orchestrator.web.boot..")
            .and().resideOutsideOfPackage("dev.orchestrator.e2e..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("services log through SLF4J, where secrets can be kept out; only the CLI prints");

    static final ArchRule NO_JAVA_UTIL_LOGGING = noClasses().should().dependOnClassesThat()
            .resideInAPackage("java.util.logging..")
            .because("one logging facade: SLF4J");
}
