package dev.switchboard.architecture;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering rules of DESIGN.md as reusable ArchUnit rules. shared-core checks the routing rules on
 * itself; each function module checks {@link #FUNCTIONS_USE_ONLY_SERVICE_AND_API} through shared-core's
 * test-jar:
 *
 * <pre>{@code
 * SwitchboardArchitecture.FUNCTIONS_USE_ONLY_SERVICE_AND_API.check(SwitchboardArchitecture.productionClasses());
 * }</pre>
 */
public final class SwitchboardArchitecture {

    public static final String ROOT = "dev.switchboard";
    public static final String ROUTING = "dev.switchboard.routing..";
    public static final String FUNCTIONS = "dev.switchboard.function..";

    /** I/O and framework packages that routing must never see: AWS, HTTP, JDBC, Micronaut, Jakarta. */
    public static final String[] IO_AND_FRAMEWORK_PACKAGES = {
            "io.micronaut..", "software.amazon..", "com.amazonaws..", "java.sql..", "javax.sql..", "jakarta..",
            "java.net.http.."};

    /** Routing is plain Java: no AWS, HTTP, JDBC or Micronaut types. */
    public static final ArchRule ROUTING_HAS_NO_IO = hasNoIo(ROUTING);

    /** Routing sees the world as its own plain records: it depends on no other Switchboard package. */
    public static final ArchRule ROUTING_IS_SELF_CONTAINED = selfContained(ROUTING);

    /** Routing takes time from an injected Clock and randomness from an injected, seedable source. */
    public static final ArchRule ROUTING_READS_NO_SYSTEM_CLOCK_OR_RANDOMNESS = readsNoSystemClockOrRandomness(ROUTING);

    /** Functions talk to services (and share the api records); never to adapters, state, ledger or routing. */
    public static final ArchRule FUNCTIONS_USE_ONLY_SERVICE_AND_API = reachSwitchboardOnlyThroughServiceAndApi(FUNCTIONS);

    private SwitchboardArchitecture() {
    }

    /** Every production class under dev.switchboard on the classpath (test classes left out). */
    public static JavaClasses productionClasses() {
        return importWithoutResolvingLibraries(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS), ROOT);
    }

    /**
     * Imports {@code packages} without also importing every library class they touch: the rules only need
     * the names of dependencies, and skipping the libraries keeps an import well under a second.
     */
    public static JavaClasses importWithoutResolvingLibraries(ClassFileImporter importer, String... packages) {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return importer.importPackages(packages);
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    public static ArchRule hasNoIo(String packageIdentifier) {
        return noClasses().that().resideInAPackage(packageIdentifier)
                .should().dependOnClassesThat().resideInAnyPackage(IO_AND_FRAMEWORK_PACKAGES)
                .because("routing never imports AWS, HTTP, JDBC or Micronaut types (DESIGN.md)");
    }

    public static ArchRule selfContained(String packageIdentifier) {
        return noClasses().that().resideInAPackage(packageIdentifier)
                .should().dependOnClassesThat(switchboardOutside(packageIdentifier))
                .because("routing sees the world as plain records of its own (DESIGN.md)");
    }

    public static ArchRule readsNoSystemClockOrRandomness(String packageIdentifier) {
        return noClasses().that().resideInAPackage(packageIdentifier)
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(ThreadLocalRandom.class, "current")
                .orShould().callConstructor(Random.class)
                .because("time comes from an injected Clock; randomness from an injected, seedable source (DESIGN.md)");
    }

    public static ArchRule reachSwitchboardOnlyThroughServiceAndApi(String packageIdentifier) {
        DescribedPredicate<JavaClass> forbidden = resideInAPackage(ROOT + "..")
                .and(not(resideInAnyPackage(packageIdentifier, ROOT + ".api..", ROOT + ".service..")))
                .as("are Switchboard classes outside " + packageIdentifier + ", api.. and service..");
        return noClasses().that().resideInAPackage(packageIdentifier)
                .should().dependOnClassesThat(forbidden)
                .because("functions talk to service, never to adapters directly (DESIGN.md)");
    }

    private static DescribedPredicate<JavaClass> switchboardOutside(String packageIdentifier) {
        return resideInAPackage(ROOT + "..").and(not(resideInAPackage(packageIdentifier)))
                .as("are Switchboard classes outside " + packageIdentifier);
    }
}
