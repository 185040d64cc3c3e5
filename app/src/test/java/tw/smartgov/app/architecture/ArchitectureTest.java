package tw.smartgov.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** SmartGov's own code keeps the module rules of {@link ModuleRules} (docs/architecture.md). */
class ArchitectureTest {
    static final ApplicationModules MODULES = ModuleRules.modules("tw.smartgov", ModuleRules.PRODUCTION);

    @Test
    void modulesUseEachOtherOnlyThroughTheirApiAndNoPackageFormsACycle() {
        ModuleRules.verify("tw.smartgov", ModuleRules.PRODUCTION);
    }

    @Test
    void everyModuleOfTheBriefIsFoundAndTrustDependsOnNoOtherModule() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).contains("app", "trust", "troad");
        ApplicationModule trust = MODULES.getModuleByName("trust").orElseThrow();
        assertThat(trust.getDirectDependencies(MODULES).stream()).isEmpty();
    }
}
