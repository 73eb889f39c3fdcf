package org.aimonitor.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL is written and rows are mapped in one layer: the store ({@code store/}: the shared reads,
 * the registered mappers, the bindings of filters and cursors) and each feature's query
 * interface ({@code <Feature>Queries}, a jdbi SQL object, with the records it returns). Anywhere
 * else a class may attach a query interface to a handle, but not run a statement on the handle,
 * touch JDBC, jdbi's statements or SQL-object annotations, nor map a row by hand. Read from the
 * compiled classes, so a lambda that maps a ResultSet is seen too.
 */
class QueryLayerTest {

  /** The handle's methods that run SQL text (everything else a handle offers is transaction scope). */
  static final Set<String> SQL_ON_A_HANDLE = Set.of("createQuery", "createUpdate", "createCall",
      "createScript", "createBatch", "prepareBatch", "execute", "select", "queryMetadata",
      "getConnection");

  /**
   * The write side, and the exports that mirror it: the importer stages, checks and applies
   * rows, and the exports select them, with SQL derived from the column model
   * ({@code store/CsvTable}: table and column names, casts), which a SQL object's fixed text
   * cannot declare. Frozen here so nothing else may join them;
   * {@link #theWriteSidesListNamesOnlyClassesThatStillNeedIt} fails for an entry that no longer
   * builds SQL.
   */
  static final Set<String> WRITE_SIDE = Set.of(
      // The importer: staging tables, checks, revisions and the import log, built from CsvTable.
      "org.aimonitor.importer.Importer",
      "org.aimonitor.importer.ImportWriter",
      "org.aimonitor.importer.StagedTable",
      "org.aimonitor.importer.Seeder",
      // One SELECT per CSV table for the exports, and the snapshot's size.
      "org.aimonitor.download.ExportStore");

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.aimonitor");
  }

  /** A {@code *Queries} interface, or a type nested in one (its records, its bindings). */
  static boolean isQueryInterface(JavaClass c) {
    for (JavaClass t = c; t != null; t = t.getEnclosingClass().orElse(null)) {
      if (t.isInterface() && t.getSimpleName().endsWith("Queries")) {
        return true;
      }
    }
    return false;
  }

  static final DescribedPredicate<JavaClass> IN_THE_QUERY_LAYER = DescribedPredicate.describe(
      "in store/ or a *Queries interface",
      c -> c.getPackageName().equals("org.aimonitor.store")
          || c.getPackageName().startsWith("org.aimonitor.store.") || isQueryInterface(c));

  /**
   * JDBC, jdbi's statements and SQL-object annotations, and its mappers; the annotations that
   * only describe how a record maps ({@code @Nested}, {@code @PropagateNull}) may sit on any
   * record.
   */
  static final DescribedPredicate<JavaClass> SQL_OR_ROW_MAPPING = DescribedPredicate.describe(
      "JDBC, jdbi statements, SQL-object annotations or row mappers",
      c -> {
        String name = c.getName();
        if (name.equals("org.jdbi.v3.core.mapper.Nested")
            || name.equals("org.jdbi.v3.core.mapper.PropagateNull")) {
          return false;
        }
        return name.startsWith("java.sql.") || name.startsWith("org.jdbi.v3.core.statement.")
            || name.startsWith("org.jdbi.v3.core.mapper.") || name.startsWith("org.jdbi.v3.sqlobject.");
      });

  static final DescribedPredicate<JavaMethodCall> RUNS_SQL_ON_A_HANDLE = DescribedPredicate.describe(
      "run SQL on a Handle (" + String.join(", ", new TreeSet<>(SQL_ON_A_HANDLE)) + ")",
      call -> call.getTargetOwner().getName().equals("org.jdbi.v3.core.Handle")
          && SQL_ON_A_HANDLE.contains(call.getName()));

  /** The rule, for every class but those in {@code allowed} (by name, with their nested types). */
  static ArchRule sqlOnlyInTheQueryLayer(Set<String> allowed) {
    DescribedPredicate<JavaClass> listed = DescribedPredicate.describe("on the write side's list",
        c -> allowed.stream().anyMatch(a -> c.getName().equals(a) || c.getName().startsWith(a + "$")));
    return noClasses()
        .that(DescribedPredicate.not(IN_THE_QUERY_LAYER).and(DescribedPredicate.not(listed)))
        .should().dependOnClassesThat(SQL_OR_ROW_MAPPING)
        .orShould().callMethodWhere(RUNS_SQL_ON_A_HANDLE)
        .as("SQL is written and rows are mapped only in store/ and the *Queries interfaces");
  }

  @Test
  void sqlIsWrittenAndRowsAreMappedOnlyInTheQueryLayer() {
    sqlOnlyInTheQueryLayer(WRITE_SIDE).check(main);
  }

  @Test
  void theWriteSidesListNamesOnlyClassesThatStillNeedIt() {
    EvaluationResult all = sqlOnlyInTheQueryLayer(Set.of()).evaluate(main);
    String report = String.join("\n", all.getFailureReport().getDetails());
    for (String listed : WRITE_SIDE) {
      assertTrue(report.contains("<" + listed + ".") || report.contains("<" + listed + "$"),
          listed + " no longer builds SQL outside the query layer: take it off the list");
    }
  }

  /**
   * The rule is a real check: of the fixture's views, the one that writes SQL, the one that maps
   * rows by hand and the one that runs a statement on a handle are reported; the one that reads
   * through its query interface, and the interface, are not.
   */
  @Test
  void theRuleCatchesSqlAndRowMappingOutsideTheQueryLayer() {
    JavaClasses fixture = new ClassFileImporter().importPackages("org.aimonitor.arch.sql");
    AssertionError error = assertThrows(AssertionError.class,
        () -> sqlOnlyInTheQueryLayer(Set.of()).check(fixture));
    Set<String> reported = new TreeSet<>();
    for (String detail : sqlOnlyInTheQueryLayer(Set.of()).evaluate(fixture).getFailureReport()
        .getDetails()) {
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("<org\\.aimonitor\\.arch\\.sql\\.(\\w+)").matcher(detail);
      if (m.find()) {
        reported.add(m.group(1));
      }
    }
    assertEquals(new TreeSet<>(List.of("HandMappedRows", "LeakyView", "StatementOutsideTheQueries")),
        reported, error.getMessage());
    // The write side's list is how a class is let off, and only that class.
    sqlOnlyInTheQueryLayer(Set.of("org.aimonitor.arch.sql.HandMappedRows",
        "org.aimonitor.arch.sql.LeakyView", "org.aimonitor.arch.sql.StatementOutsideTheQueries"))
        .check(fixture);
  }
}
