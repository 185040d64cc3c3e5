package tw.smartgov.app.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * SmartGov's module rules, applied to the real code by {@link ArchitectureTest} and to deliberately
 * broken fixtures by {@link ModuleRulesTest}, so that a rule that could never fail is noticed.
 *
 * <ul>
 *   <li>Each direct subpackage of the base package is a module (Spring Modulith). Its API is its
 *       root package and the packages it marks {@code @NamedInterface}; everything else is internal.
 *       A module uses another only through that API, only if it declares it among its {@code
 *       allowedDependencies}, and modules never depend on each other in a cycle.
 *   <li>No package cycle anywhere, including within a module and between a package and its
 *       subpackages (ArchUnit).
 * </ul>
 */
final class ModuleRules {
    /**
     * Production classes only: tests may reach into a module's internals. Besides test folders, the
     * modules' test-jars (on the classpath when Maven runs {@code verify}) hold test classes too.
     */
    static final ImportOption PRODUCTION =
            location -> new ImportOption.DoNotIncludeTests().includes(location) && !location.contains("-tests.jar");

    private ModuleRules() {}

    static ApplicationModules modules(String basePackage, ImportOption classes) {
        return ApplicationModules.of(basePackage, classes);
    }

    /**
     * Checks both rules.
     *
     * @throws org.springframework.modulith.core.Violations a module reached into another's internals,
     *     used a module it does not declare, or modules depend on each other in a cycle
     * @throws AssertionError a package cycle
     */
    static void verify(String basePackage, ImportOption classes) {
        modules(basePackage, classes).verify();
        packagesAreFreeOfCycles(basePackage)
                .check(new ClassFileImporter().withImportOption(classes).importPackages(basePackage));
    }

    static ArchRule packagesAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(**)")
                .should()
                .beFreeOfCycles()
                .because("a package that depends on one that depends back on it cannot be understood alone");
    }
}
