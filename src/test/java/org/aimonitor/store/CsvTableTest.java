package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  private static final String HEADER = "date,category,title_en,title_zh,description_en,source\n";

  @Test
  void readsQuotedFieldsWithCommasAndLineBreaks() {
    List<CsvTable.Row> rows = CsvTable.EVENTS.read("events.csv", new StringReader(HEADER
        + "2025-08-26,policy,\"A, B\",标题,\"line one\nline two\",src\n"
        + "2025-09-01,regulation,C,标题,D,src\n"));
    assertEquals(2, rows.size());
    assertEquals("A, B", rows.get(0).get("title_en"));
    assertEquals("line one\nline two", rows.get(0).get("description_en"));
    assertEquals(2, rows.get(0).line());
    assertEquals(4, rows.get(1).line(), "the second row starts after the two-line first row");
  }

  @Test
  void namesMissingAndUnknownColumns() {
    DataException e = assertThrows(DataException.class, () -> CsvTable.EVENTS.read("e.csv",
        new StringReader("date,category,title,title_zh,description_en,source\n")));
    assertEquals(List.of(
        "e.csv:1:1: missing column \"title_en\"",
        "e.csv:1:3: unknown column \"title\""),
        e.errors().stream().map(DataError::toString).toList());
  }

  @Test
  void locatesARowWithTheWrongNumberOfFields() {
    DataException e = assertThrows(DataException.class, () -> CsvTable.EVENTS.read("e.csv",
        new StringReader(HEADER + "2025-08-26,policy,A,B,C,src\n2025-09-01,policy,A\n")));
    assertEquals("e.csv:3:4: row has 3 fields, the header has 6", e.errors().get(0).toString());
  }

  @Test
  void locatesAnUnterminatedQuote() {
    DataException e = assertThrows(DataException.class, () -> CsvTable.EVENTS.read("e.csv",
        new StringReader(HEADER + "2025-08-26,policy,A,B,C,src\n2025-09-01,policy,\"A,B,C,src\n")));
    assertEquals(3, e.errors().get(0).line());
  }

  /**
   * data/README.md documents each table from the column model: the header line under each
   * table's heading is its columns in order, and the references table names every reference.
   */
  @Test
  void theDataReadmeDocumentsEveryColumnAndReferenceOfTheModel() throws IOException {
    String readme = Files.readString(Path.of("data/README.md"));
    for (CsvTable table : CsvTable.values()) {
      int heading = readme.indexOf("\n### " + table.fileName() + "\n");
      assertTrue(heading >= 0, "data/README.md has a section ### " + table.fileName());
      String header = readme.substring(heading).lines().skip(3).findFirst().orElseThrow();
      assertEquals("`" + String.join(",", table.columns()) + "`", header,
          table.fileName() + "'s header line in data/README.md");
    }
    List<String> documented = new ArrayList<>();
    readme.lines().filter(l -> l.matches("\\| `[a-z]+\\.csv` `.*\\| `[a-z]+\\.csv`.*\\|"))
        .forEach(l -> {
          String[] cells = l.split("\\|");
          String file = cells[1].trim().replaceFirst(" .*", "").replace("`", "");
          List<String> columns = java.util.Arrays.stream(cells[1].trim().split(" ", 2)[1]
              .replaceFirst(" \\(.*", "").split(", ")).map(c -> c.replace("`", "")).toList();
          List<String> targets = java.util.Arrays.stream(cells[2].trim().split(", "))
              .map(c -> c.replace("`", "")).toList();
          for (int i = 0; i < columns.size(); i++) {
            documented.add(file + " " + columns.get(i) + " -> " + targets.get(Math.min(i, targets.size() - 1)));
          }
        });
    List<String> modelled = new ArrayList<>();
    for (CsvTable table : CsvTable.values()) {
      for (Map<String, CsvTable> refs : List.of(table.references(), table.listReferences())) {
        refs.forEach((column, target) -> modelled.add(table.fileName() + " " + column + " -> " + target.fileName()));
      }
    }
    assertEquals(modelled.stream().sorted().toList(), documented.stream().sorted().toList(),
        "the references table of data/README.md");
  }

  @Test
  void exportsReadEachTableInTheModelsOrderWithEmptyForNull() {
    assertEquals("SELECT code, name_en, name_zh, coalesce(parent, ''), level FROM region ORDER BY rowid",
        CsvTable.REGIONS.exportQuery());
    assertEquals("CAST(NULLIF(s.lag_months, '') AS INTEGER)", CsvTable.SCHEDULES.column("lag_months").stored("s"));
    assertEquals(Map.of("break_before", "0", "doubtful", "0", "note_zh", ""), CsvTable.OBSERVATIONS.optional());
  }
}
