package org.aimonitor.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.aimonitor.store.CsvTable;
import org.junit.jupiter.api.Test;

class CsvExportTest {

  @Test
  void formulaTriggersGetALeadingApostrophe() {
    assertEquals("'=HYPERLINK(\"http://x\")", CsvExport.neutralise("=HYPERLINK(\"http://x\")"));
    assertEquals("'+cmd|' /C calc'!A0", CsvExport.neutralise("+cmd|' /C calc'!A0"));
    assertEquals("'-2+3", CsvExport.neutralise("-2+3"));
    assertEquals("'@SUM(A1)", CsvExport.neutralise("@SUM(A1)"));
    assertEquals("'\t=1", CsvExport.neutralise("\t=1"));
    assertEquals("'\r=1", CsvExport.neutralise("\r=1"));
  }

  @Test
  void plainNumbersAndOrdinaryTextAreUnchanged() {
    for (String cell : List.of("-3.5", "+24", "-12", "508.0", "", "CAICT, 2024", "a=b", "x@y.z",
        "'quoted'", " =not first")) {
      assertEquals(cell, CsvExport.neutralise(cell));
    }
  }

  @Test
  void writesHeaderAndRowsWithLfEndingsAndMinimalQuoting() {
    String csv = CsvExport.write(CsvTable.EVENTS, List.of(
        List.of("2025-08", "policy", "AI Plus, issued", "标题", "He said \"go\"", "他说，“去”", "src")));
    assertEquals("date,category,title_en,title_zh,description_en,description_zh,source\n"
        + "2025-08,policy,\"AI Plus, issued\",标题,\"He said \"\"go\"\"\",他说，“去”,src\n", csv);
  }

  @Test
  void aRowOfTheWrongWidthIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class,
        () -> CsvExport.write(CsvTable.EVENTS, List.of(List.of("2025"))));
  }
}
