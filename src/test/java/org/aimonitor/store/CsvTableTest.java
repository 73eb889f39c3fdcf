package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
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
}
