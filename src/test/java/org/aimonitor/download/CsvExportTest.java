package org.aimonitor.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    // A tab or carriage return starts the cell and, for a reader that splits there, a field.
    assertEquals("'\t'=1", CsvExport.neutralise("\t=1"));
    assertEquals("'\r'=1", CsvExport.neutralise("\r=1"));
    assertEquals("'\tplain", CsvExport.neutralise("\tplain"));
  }

  @Test
  void plainNumbersAndOrdinaryTextAreUnchanged() {
    for (String cell : List.of("-3.5", "+24", "-12", "508.0", "", "CAICT, 2024", "a=b", "x@y.z",
        "'quoted'", "a;b", "x; y", "1-2", "a = b")) {
      assertEquals(cell, CsvExport.neutralise(cell));
    }
  }

  @Test
  void aFormulaAfterLeadingSpacesLineFeedsOrASemicolonIsNeutralisedToo() {
    assertEquals("' =1+1", CsvExport.neutralise(" =1+1"));
    assertEquals("'\n'=1+1", CsvExport.neutralise("\n=1+1"));
    assertEquals(";'=1+1", CsvExport.neutralise(";=1+1"));
    assertEquals("note;' @SUM(A1)", CsvExport.neutralise("note; @SUM(A1)"));
    assertEquals("'\uFF1D1+1", CsvExport.neutralise("\uFF1D1+1"));
    assertEquals("'\u3000\uFF0BA1", CsvExport.neutralise("\u3000\uFF0BA1"));
  }

  /**
   * Hostile cells written to a file and read back as spreadsheets do: split on {@code ,} (English
   * locales), on {@code ;} (German, French), on tab (leniently, as spreadsheets read a quote
   * that does not open a field), and line by line splitting on {@code ;} or tab ignoring quotes. No field
   * that any of them finds starts, after its leading spaces, with a formula trigger.
   */
  @Test
  void noSpreadsheetReadingOfTheFileFindsAFieldThatRunsAsAFormula() throws Exception {
    List<String> hostile = List.of("=1+1", " =1+1", "\n=1+1", "\r\n@SUM(A1)", "\t=1", "\uFF1D1+1",
        "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", ";=1+1", "a;=1+1", "a; -2+3", "x\n+1", "\u3000=1",
        "\"quoted\";=1", "a,=1");
    List<List<String>> rows = new java.util.ArrayList<>();
    for (String cell : hostile) {
      // One hostile cell in each column position, so none is protected by being first or last.
      rows.add(List.of(cell, "policy", cell, "标题", cell, cell, "src"));
    }
    String csv = CsvExport.write(CsvTable.EVENTS, rows);
    for (char separator : new char[] {',', ';', '\t'}) {
      org.apache.commons.csv.CSVFormat format = org.apache.commons.csv.CSVFormat.RFC4180.builder()
          .setDelimiter(separator).setTrailingData(true).setLenientEof(true).get();
      for (org.apache.commons.csv.CSVRecord record : format.parse(new java.io.StringReader(csv))) {
        for (String field : record) {
          assertNotFormula(field, "read with '" + separator + "' separators");
        }
      }
    }
    for (String line : csv.split("[\r\n]")) {
      // A reader that ignores quotes splits a line on its separator only; commas sit inside
      // quotes, which every ","-splitting spreadsheet honours.
      for (String field : line.split("[;\t]")) {
        assertNotFormula(field.startsWith("\"") ? field.substring(1) : field, "read ignoring quotes");
      }
    }
  }

  private static void assertNotFormula(String field, String how) {
    String start = field.replaceFirst("^[\\s\u00A0\u3000]+", "");
    boolean formula = !start.isEmpty() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(start.charAt(0)) >= 0
        && !start.matches("[+-]?\\d+(\\.\\d+)?");
    assertFalse(formula, how + ": the field \"" + field + "\" runs as a formula");
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
