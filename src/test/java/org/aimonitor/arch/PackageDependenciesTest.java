package org.aimonitor.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The map of the code in the README holds only while dependencies point downwards: features
 * use the web toolkit and the store (and the places side by side, which indicator pages show);
 * the store uses nothing of ours but the JSON helper; only the app (and the command line that
 * starts it) knows every feature. Read from the compiled classes, so an import added anywhere
 * is seen.
 */
class PackageDependenciesTest {

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.aimonitor");
  }

  private static ArchRule noCycles(String packagePrefix) {
    return slices().matching(packagePrefix + ".(*)..").should().beFreeOfCycles();
  }

  /** Classes of {@code pkg} use, of our own code, only their package and {@code allowed}. */
  private static ArchRule onlyUses(String pkg, String... allowed) {
    String[] packages = new String[allowed.length + 1];
    packages[0] = "org.aimonitor." + pkg + "..";
    for (int i = 0; i < allowed.length; i++) {
      packages[i + 1] = "org.aimonitor." + allowed[i] + "..";
    }
    return classes().that().resideInAPackage("org.aimonitor." + pkg + "..")
        .should().onlyDependOnClassesThat(
            resideOutsideOfPackage("org.aimonitor..").or(resideInAnyPackage(packages)))
        .as(pkg + " uses only " + Arrays.toString(allowed) + " of ours");
  }

  @Test
  void packagesHaveNoImportCycles() {
    noCycles("org.aimonitor").check(main);
  }

  @Test
  void theStoreSitsAtTheBottom() {
    onlyUses("store", "json").check(main);
  }

  @Test
  void theJsonHelperUsesNothingOfOurs() {
    onlyUses("json").check(main);
  }

  @Test
  void theWebToolkitKnowsNoFeature() {
    // citation is a toolkit too (the one citation builder, over i18n and store): the numbered
    // source notes every page shows are written by it.
    onlyUses("web", "i18n", "store", "json", "citation").check(main);
  }

  @Test
  void theCitationBuilderKnowsNoFeature() {
    onlyUses("citation", "i18n", "store", "json").check(main);
  }

  @Test
  void theImporterKnowsNoPage() {
    onlyUses("importer", "store", "json", "download", "freshness").check(main);
  }

  @Test
  void onlyTheCommandLineStartsTheApp() {
    noClasses().that().resideOutsideOfPackages("org.aimonitor.app..", "org.aimonitor.cli..")
        .should().dependOnClassesThat().resideInAPackage("org.aimonitor.app..")
        .check(main);
  }

  /** The rules above are real checks: a cycle and a wrong dependency are reported. */
  @Test
  void theChecksCatchWhatTheyForbid() {
    JavaClasses fixture = new ClassFileImporter().importPackages("org.aimonitor.arch.cycle");
    assertThrows(AssertionError.class, () -> noCycles("org.aimonitor.arch.cycle").check(fixture));
    // The importer needs the store, so forbidding it must fail.
    assertThrows(AssertionError.class, () -> onlyUses("importer", "json").check(main));
  }
}
