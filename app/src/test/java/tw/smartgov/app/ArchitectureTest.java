package tw.smartgov.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of the brief, checked on every build: {@code app} → feature modules → {@code
 * trust}; feature modules never reach into each other's (or trust's) {@code internal} packages.
 */
class ArchitectureTest {
    static final String[] FEATURES = {
        "tw.smartgov.troad..",
        "tw.smartgov.identity..",
        "tw.smartgov.mydata..",
        "tw.smartgov.opendata..",
        "tw.smartgov.portal..",
        "tw.smartgov.participation.."
    };
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("tw.smartgov");
    }

    @Test
    void dependenciesPointFromAppThroughFeaturesToTrust() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("App")
                .definedBy("tw.smartgov.app..")
                .layer("Features")
                .definedBy(FEATURES)
                .layer("Trust")
                .definedBy("tw.smartgov.trust..")
                .whereLayer("App")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Features")
                .mayOnlyBeAccessedByLayers("App", "Features")
                .whereLayer("Trust")
                .mayOnlyBeAccessedByLayers("App", "Features")
                .check(classes);
    }

    @Test
    void modulesUseOnlyEachOthersPublicApi() {
        slices().matching("tw.smartgov.(*)..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages("..internal.."))
                .because("a module's internal packages are private to it")
                .check(classes);
    }

    @Test
    void trustDependsOnNoOtherSmartGovModule() {
        noClasses()
                .that()
                .resideInAPackage("tw.smartgov.trust..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "tw.smartgov.app..",
                        "tw.smartgov.troad..",
                        "tw.smartgov.identity..",
                        "tw.smartgov.mydata..",
                        "tw.smartgov.opendata..",
                        "tw.smartgov.portal..",
                        "tw.smartgov.participation..")
                .check(classes);
    }
}
