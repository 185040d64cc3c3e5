package tw.smartgov.app.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.Violations;

/** The module rules fail on code that breaks them, and only on such code (fixtures.architecture). */
class ModuleRulesTest {
    static final ImportOption FIXTURES = location -> location.contains("/fixtures/architecture/");

    @Test
    void aModuleUsingAnotherOnlyThroughItsApiAndNamedInterfacesPasses() {
        assertThatCode(() -> ModuleRules.verify("fixtures.architecture.clean", FIXTURES))
                .doesNotThrowAnyException();
    }

    @Test
    void aModuleReachingIntoAnotherModulesInternalPackageFails() {
        assertThatThrownBy(() -> ModuleRules.verify("fixtures.architecture.crossing", FIXTURES))
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Checkout")
                .hasMessageContaining("payments.internal.Ledger")
                .hasMessageContaining("non-exposed type");
    }

    @Test
    void aModuleUsingAModuleItDoesNotDeclareFails() {
        assertThatThrownBy(() -> ModuleRules.verify("fixtures.architecture.undeclared", FIXTURES))
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Catalog")
                .hasMessageContaining("pricing");
    }

    @Test
    void aPackageCycleInsideOneModuleFails() {
        assertThatThrownBy(() -> ModuleRules.verify("fixtures.architecture.cycle", FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("shop.cart")
                .hasMessageContaining("shop.pricing");
    }
}
