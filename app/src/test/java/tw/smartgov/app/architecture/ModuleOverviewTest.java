package tw.smartgov.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

/**
 * {@code docs/modules.md}, the generated overview of the modules and their public API, matches the
 * code. Regenerate it (and Spring Modulith's PlantUML diagrams in {@code docs/modules/}) with
 * {@code ./mvnw -pl app -am test -Dtest=ModuleOverviewTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsmartgov.docs.write=true}.
 */
class ModuleOverviewTest {
    static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();

    @Test
    void theCommittedModuleOverviewMatchesTheCode() throws IOException {
        ApplicationModules modules = ArchitectureTest.MODULES;
        String overview = overview(modules);
        Path file = DOCS.resolve("modules.md");
        if (Boolean.getBoolean("smartgov.docs.write")) {
            Files.writeString(file, overview, StandardCharsets.UTF_8);
            new Documenter(
                            modules,
                            Documenter.Options.defaults()
                                    .withOutputFolder(DOCS.resolve("modules").toString()))
                    .writeModulesAsPlantUml()
                    .writeIndividualModulesAsPlantUml();
        }
        assertThat(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "")
                .as("docs/modules.md is out of date; regenerate it as this test's Javadoc says")
                .isEqualTo(overview);
    }

    static String overview(ApplicationModules modules) {
        var text = new StringBuilder("""
                # Modules and their public API

                Generated from the code by `ModuleOverviewTest` (app); do not edit by hand. The rules \
                behind it are in [architecture.md](architecture.md#module-rules). A module may use \
                another only through the types listed under it here; everything else in a module \
                is internal and the build fails when another module uses it.

                ```mermaid
                flowchart LR
                """);
        modules.stream()
                .sorted(Comparator.comparing(ModuleOverviewTest::name))
                .forEach(module -> module.getDirectDependencies(modules)
                        .uniqueModules()
                        .sorted(Comparator.comparing(ModuleOverviewTest::name))
                        .forEach(target -> text.append("    %s --> %s%n".formatted(name(module), name(target)))));
        text.append("```\n");
        modules.stream().sorted(Comparator.comparing(ModuleOverviewTest::name)).forEach(module -> {
            text.append("\n## `%s`\n\n".formatted(name(module)));
            text.append("Base package `%s`; uses: %s.\n"
                    .formatted(
                            module.getBasePackage().getName(),
                            module.getDirectDependencies(modules)
                                    .uniqueModules()
                                    .map(m -> "`" + name(m) + "`")
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                                    .transform(s -> s.isEmpty() ? "no other module" : s)));
            module.getNamedInterfaces().stream()
                    .sorted(Comparator.comparing(NamedInterface::isNamed).thenComparing(NamedInterface::getName))
                    .forEach(api -> {
                        String types = api.asJavaClasses()
                                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                                .filter(type -> !type.isNestedClass())
                                .filter(type -> !type.getSimpleName().equals("package-info"))
                                .map(JavaClass::getSimpleName)
                                .sorted()
                                .map(simple -> "`" + simple + "`")
                                .collect(Collectors.joining(", "));
                        if (types.isEmpty()) {
                            return;
                        }
                        String title =
                                api.isUnnamed() ? "root package" : "`" + api.getName() + "` (" + packageOf(api) + ")";
                        text.append("\n- %s: %s\n".formatted(title, types));
                    });
        });
        return text.toString();
    }

    private static String packageOf(NamedInterface api) {
        return api.asJavaClasses()
                .map(JavaClass::getPackageName)
                .distinct()
                .sorted()
                .map(p -> "`" + p + "`")
                .collect(Collectors.joining(", "));
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
