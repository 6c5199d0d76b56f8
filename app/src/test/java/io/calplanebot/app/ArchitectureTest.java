package io.calplanebot.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of the design (hexagonal layout): core depends on Java only and reads no clock, the adapters
 * never depend on each other, and nothing depends on the app. Imported from the production classes of every
 * module (the app's test classpath sees them all).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("io.calplanebot");
    }

    @Test
    void core_dependsOnJavaAndItselfOnly() {
        CORE_DEPENDS_ON_JAVA_ONLY.check(classes);
    }

    @Test
    void coreDomain_dependsOnNothingElseInCore() {
        noClasses().that().resideInAPackage("io.calplanebot.core.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.calplanebot.core.mapping..", "io.calplanebot.core.sync..", "io.calplanebot.core.port..")
                .check(classes);
    }

    @Test
    void coreMapping_dependsOnTheDomainOnly() {
        noClasses().that().resideInAPackage("io.calplanebot.core.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.calplanebot.core.sync..", "io.calplanebot.core.port..")
                .check(classes);
    }

    @Test
    void coreInPorts_doNotDependOnOutPortsOrTheSyncMachinery() {
        noClasses().that().resideInAPackage("io.calplanebot.core.port.in..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.calplanebot.core.port.out..", "io.calplanebot.core.sync..", "io.calplanebot.core.mapping..")
                .check(classes);
    }

    @Test
    void coreOutPorts_doNotDependOnTheSyncMachinery() {
        noClasses().that().resideInAPackage("io.calplanebot.core.port.out..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.calplanebot.core.sync..", "io.calplanebot.core.mapping..")
                .check(classes);
    }

    static final ArchRule CORE_READS_NO_CLOCK = noClasses().that().resideInAPackage("io.calplanebot.core..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .because("core is given a java.time.Clock, so that tests control time");

    static final ArchRule CORE_DEPENDS_ON_JAVA_ONLY = classes().that().resideInAPackage("io.calplanebot.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.calplanebot.core..");

    @Test
    void core_readsNoClock() {
        CORE_READS_NO_CLOCK.check(classes);
    }

    @Test
    void rules_catchAPlantedViolation() {
        JavaClasses planted = new ClassFileImporter().importClasses(io.calplanebot.core.archfixture.PlantedViolation.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CORE_READS_NO_CLOCK.check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Instant.now()");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CORE_DEPENDS_ON_JAVA_ONLY.check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("org.junit");
    }

    @Test
    void adapters_doNotDependOnEachOther() {
        slices().matching("io.calplanebot.adapter.(*)..")
                .should().notDependOnEachOther()
                .check(classes);
    }

    /** Each adapter's sub-packages (its DAV client, JSON readers, routes…) are used by that adapter only. */
    static final List<ArchRule> ADAPTER_INTERNALS_STAY_INSIDE = Stream.of("plane", "caldav", "builtin", "state", "http")
            .map(adapter -> (ArchRule) noClasses().that().resideOutsideOfPackage("io.calplanebot.adapter." + adapter + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.calplanebot.adapter." + adapter + ".*..")
                    .because("only the " + adapter + " adapter's top-level package is its public face"))
            .collect(Collectors.toList());

    @Test
    void adapterInternals_areUsedByTheirOwnAdapterOnly() {
        ADAPTER_INTERNALS_STAY_INSIDE.forEach(rule -> rule.check(classes));
    }

    @Test
    void adapterInternalsRule_catchesAPlantedViolation() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                io.calplanebot.app.archfixture.ReachesIntoAnAdapter.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ADAPTER_INTERNALS_STAY_INSIDE.get(0).check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("HtmlToText");
    }

    @Test
    void adapters_dependOnCoreNotOnTheApp() {
        noClasses().that().resideOutsideOfPackage("io.calplanebot.app..")
                .should().dependOnClassesThat().resideInAPackage("io.calplanebot.app..")
                .check(classes);
    }

    static final ArchRule HTTP_SUPPORT_DEPENDS_ON_ITS_LIBRARIES_ONLY = classes()
            .that().resideInAPackage("io.calplanebot.support..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.net.ssl..",
                    "io.calplanebot.support..", "io.calplanebot.core.domain..", "io.calplanebot.core.port..",
                    "org.apache.hc..", "io.github.resilience4j..", "io.micrometer..", "org.slf4j..")
            .because("the HTTP client support is shared by the adapters, so it must not depend on any of them,"
                    + " on the app or on core's sync machinery");

    @Test
    void httpSupport_dependsOnNoAdapterNorAppNorCoreInternals() {
        HTTP_SUPPORT_DEPENDS_ON_ITS_LIBRARIES_ONLY.check(classes);
    }

    @Test
    void httpSupportRule_catchesAPlantedViolation() {
        JavaClasses planted = new ClassFileImporter()
                .importClasses(io.calplanebot.support.archfixture.PlantedSupportViolation.class);
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> HTTP_SUPPORT_DEPENDS_ON_ITS_LIBRARIES_ONLY.check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("AuthType");
    }

    static final ArchRule ICAL_DEPENDS_ON_CORE_DOMAIN_AND_ICAL4J_ONLY = classes()
            .that().resideInAPackage("io.calplanebot.ical..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.calplanebot.ical..",
                    "io.calplanebot.core.domain..", "net.fortuna.ical4j..")
            .because("the iCalendar codec is shared by every calendar store and feed, so it must not depend on any"
                    + " adapter, on the app or on core's sync machinery");

    @Test
    void ical_dependsOnNoAdapterNorAppNorCoreInternals() {
        ICAL_DEPENDS_ON_CORE_DOMAIN_AND_ICAL4J_ONLY.check(classes);
    }

    /** The sample Plane workspace is what {@code calplanebot demo} runs on: only the app (and tests) may use it. */
    static final ArchRule SAMPLE_IS_USED_BY_THE_APP_ONLY = noClasses()
            .that().resideOutsideOfPackages("io.calplanebot.app..", "io.calplanebot.sample..")
            .should().dependOnClassesThat().resideInAPackage("io.calplanebot.sample..")
            .because("the sample Plane server is a demo and test tool, not part of the service");

    @Test
    void sample_isUsedByTheAppOnly() {
        SAMPLE_IS_USED_BY_THE_APP_ONLY.check(classes);
        noClasses().that().resideInAPackage("io.calplanebot.sample..")
                .should().dependOnClassesThat().resideInAnyPackage("io.calplanebot.core..",
                        "io.calplanebot.adapter..", "io.calplanebot.support..", "io.calplanebot.app..")
                .because("the sample speaks Plane's wire contract only, so it cannot borrow the client's view of it")
                .check(classes);
    }

    @Test
    void sampleRule_catchesAPlantedViolation() {
        JavaClasses planted = new ClassFileImporter()
                .importClasses(io.calplanebot.adapter.archfixture.UsesTheSample.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SAMPLE_IS_USED_BY_THE_APP_ONLY.check(planted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SampleWorkspace");
    }

    @Test
    void httpAdapter_neverSeesPlaneOrCalDav() {
        noClasses().that().resideInAPackage("io.calplanebot.adapter.http..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.calplanebot.adapter.plane..", "io.calplanebot.adapter.caldav..",
                        "org.apache.hc..", "net.fortuna..")
                .check(classes);
    }

    @Test
    void frameworks_stayOutOfCore() {
        noClasses().that().resideInAPackage("io.calplanebot.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.github.resilience4j..", "io.micrometer..", "io.javalin..", "com.fasterxml..",
                        "org.slf4j..", "net.fortuna..", "org.apache.hc..")
                .check(classes);
    }
}
