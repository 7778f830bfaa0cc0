package dk.clinic.treatment.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layout the code is read by: features that do not go round in circles, thin resources, hidden tables. */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.clinic.treatment");

    @Test
    void noTwoFeaturesDependOnEachOther() {
        slices().matching("dk.clinic.treatment.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void resourcesParseCallAndAnswerLeavingTheDatabaseToServices() {
        noClasses().that().areAnnotatedWith(Path.class).should().dependOnClassesThat()
                .areAssignableTo(EntityManager.class).check(SERVICE);
    }

    @Test
    void aFeaturesTableIsReachedOnlyThroughTheFeaturesOwnApi() {
        classes().that().areAssignableTo(PanacheRepositoryBase.class).should().notBePublic().check(SERVICE);
    }
}
