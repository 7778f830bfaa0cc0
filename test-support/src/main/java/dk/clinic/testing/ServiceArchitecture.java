package dk.clinic.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.util.List;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout every service's code is read by, checked on the service's own classes (not its tests): features that do
 * not go round in circles, thin resources, hidden tables.
 */
public final class ServiceArchitecture {

    /** dk.clinic.&lt;service&gt;.&lt;feature&gt;: no two features depend on each other. */
    static final ArchRule FEATURES_WITHOUT_CYCLES = slices().matching("dk.clinic.*.(*)..")
            .should().beFreeOfCycles();

    /** Resources parse, call and answer, leaving the database to services. */
    static final ArchRule RESOURCES_WITHOUT_DATABASE = noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
            .should().dependOnClassesThat().areAssignableTo("jakarta.persistence.EntityManager");

    /** A feature's table is reached only through the feature's own API. */
    static final ArchRule REPOSITORIES_NOT_PUBLIC = classes()
            .that().areAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase")
            .should().notBePublic()
            .allowEmptyShould(true); // a service without Panache repositories (reporting-service) has nothing to hide

    private static final List<ArchRule> RULES =
            List.of(FEATURES_WITHOUT_CYCLES, RESOURCES_WITHOUT_DATABASE, REPOSITORIES_NOT_PUBLIC);

    private ServiceArchitecture() {
    }

    /** Fails with every rule's violations unless the classes under {@code rootPackage} keep them all. */
    public static void check(String rootPackage) {
        JavaClasses service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        if (service.isEmpty()) {
            throw new AssertionError("No classes under " + rootPackage);
        }
        String violations = RULES.stream().map(rule -> rule.evaluate(service))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .collect(Collectors.joining("\n"));
        if (!violations.isEmpty()) {
            throw new AssertionError(violations);
        }
    }
}
