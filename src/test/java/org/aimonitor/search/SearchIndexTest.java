package org.aimonitor.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aimonitor.AppExtension;
import org.aimonitor.TestData;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;
import org.aimonitor.store.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The index is data kept by every import: new rows are found at once, a failed import changes nothing. */
class SearchIndexTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.own();

  private static long indexRows() {
    return app.db().jdbi().withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM search_entry)"
        + " + (SELECT count(*) FROM search_name) + (SELECT count(*) FROM search_gram)"
        + " + (SELECT count(*) FROM search_text)").mapTo(Long.class).one());
  }

  @Test
  void anImportMakesItsRowsFindableAtOnceAndAFailedOneLeavesTheIndexAsItWas() {
    assertTrue(SearchPagesTest.ids(SearchPagesTest.api(app, "宁波"), "places").isEmpty());
    TestData.importCsv(app.db(), "regions.csv", "code,name_en,name_zh,parent,level\n"
        + "CN-ZJ-NB,Ningbo,宁波市,CN-ZJ,city\n");
    TestData.importCsv(app.db(), "aliases.csv", "alias,region,note\n甬,CN-ZJ-NB,short form\n");
    assertEquals(List.of("CN-ZJ-NB"), SearchPagesTest.ids(SearchPagesTest.api(app, "宁波"), "places"));
    assertEquals(List.of("CN-ZJ-NB"), SearchPagesTest.ids(SearchPagesTest.api(app, "甬"), "places"));
    assertEquals(List.of("CN-ZJ-NB"), SearchPagesTest.ids(SearchPagesTest.api(app, "Ningbo"), "places"));

    // A changed name replaces the old one in the index.
    TestData.importCsv(app.db(), "regions.csv", "code,name_en,name_zh,parent,level\n"
        + "CN-ZJ-NB,Ningbo City,宁波市,CN-ZJ,city\n");
    assertEquals(List.of("CN-ZJ-NB"), SearchPagesTest.ids(SearchPagesTest.api(app, "ningbo city"), "places"));

    long before = indexRows();
    // Two files in one import: the first is fine, the second refers to a place that does not
    // exist, so neither is applied, and the index keeps its state.
    byte[] good = ("code,name_en,name_zh,parent,level\nCN-ZJ-WZ,Wenzhou,温州市,CN-ZJ,city\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] bad = ("alias,region,note\n瓯,CN-NOWHERE,short form\n").getBytes(StandardCharsets.UTF_8);
    assertThrows(DataException.class, () -> new Importer(app.db()).apply(List.of(
        new ImportFile("regions.csv", good), new ImportFile("aliases.csv", bad)), "test"));
    assertEquals(before, indexRows());
    assertTrue(SearchPagesTest.ids(SearchPagesTest.api(app, "温州"), "places").isEmpty());
  }

  @Test
  void theMigrationAndTheImporterBuildTheSameIndex() {
    // Rebuilt from the views as the migration does, the index holds what the imports made of it.
    String names = "SELECT e.kind || '/' || e.ref || '/' || n.name FROM search_name n"
        + " JOIN search_entry e ON e.id = n.entry ORDER BY 1";
    String fromViews = "SELECT n.kind || '/' || n.ref || '/' || n.name FROM search_names n"
        + " WHERE n.name <> '' GROUP BY n.kind, n.ref, n.name ORDER BY 1";
    List<String> indexed = app.db().jdbi().withHandle(h -> h.createQuery(names).mapTo(String.class).list());
    List<String> derived = app.db().jdbi().withHandle(h -> h.createQuery(fromViews).mapTo(String.class).list());
    assertEquals(derived, indexed);
  }
}
