package com.example.monitor;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/development.md's Layers section, top to bottom: a class may use its own layer and the
 * ones below it, never one above. A new package must be given a layer here, or the test fails.
 */
class LayersTest {

    private static final String ROOT = "com.example.monitor";

    /** Top to bottom; a layer is root classes by name, or packages below the root. */
    private static final List<Layer> LAYERS = List.of(
            new Layer("entry point", "MonitorApplication"),
            new Layer("cli", ".cli"),
            new Layer("wiring", ".wiring"),
            new Layer("http", ".http"),
            new Layer("steps", ".steps"),
            new Layer("triggers and outputs", ".trigger", ".cluster", ".report", ".extension", ".housekeeping"),
            new Layer("run", ".run"),
            new Layer("jdbc", ".jdbc"),
            new Layer("rows", ".rows"),
            new Layer("config and sql", ".config", ".sql"),
            new Layer("progress", ".progress"),
            new Layer("logging", ".logging"),
            new Layer("files", ".files"),
            new Layer("exchange names", ".exchange"));

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** The root package is a slice of its own, so a cycle through the thin main is seen too. */
    @Test
    void packagesHaveNoCycles() {
        slices().assignedFrom(TOP_PACKAGES).should().beFreeOfCycles().check(classes);
    }

    /** A class's slice: the package right below the root it is in, or the root package itself. */
    private static final SliceAssignment TOP_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of("(root package)");
            }
            if (!name.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(name.substring(ROOT.length() + 1).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "the root package and each package below it";
        }
    };

    @Test
    void eachLayerUsesOnlyItselfAndTheLayersBelowIt() {
        LayeredArchitecture rule = com.tngtech.archunit.library.Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers();
        for (Layer layer : LAYERS) {
            rule = rule.layer(layer.name()).definedBy(layer.members());
        }
        List<String> above = new ArrayList<>();
        for (Layer layer : LAYERS) {
            rule = above.isEmpty() ? rule.whereLayer(layer.name()).mayNotBeAccessedByAnyLayer()
                    : rule.whereLayer(layer.name()).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            above.add(layer.name());
        }
        rule.check(classes);
    }

    @Test
    void everyClassBelongsToALayer() {
        List<String> without = new ArrayList<>();
        for (JavaClass type : classes) {
            if (LAYERS.stream().noneMatch(layer -> layer.members().test(type))) {
                without.add(type.getName());
            }
        }
        assertThat(without).as("classes in no layer of LayersTest").isEmpty();
    }

    /** {@code parts}: ".name" for a package below the root (and its subpackages), else a root class's simple name. */
    private record Layer(String name, String... parts) {

        DescribedPredicate<JavaClass> members() {
            return DescribedPredicate.describe(name, type -> Arrays.stream(parts).anyMatch(part -> part.startsWith(".")
                    ? type.getPackageName().equals(ROOT + part) || type.getPackageName().startsWith(ROOT + part + ".")
                    : type.getPackageName().equals(ROOT) && (type.getName().equals(ROOT + "." + part)
                            || type.getName().startsWith(ROOT + "." + part + "$"))));
        }
    }
}
