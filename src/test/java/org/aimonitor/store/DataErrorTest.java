package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DataErrorTest {

  @Test
  void aCsvErrorIsLocatedByLineAndColumn() {
    assertEquals("observations.csv:14:4: value \"x\" is not a number",
        new DataError("observations.csv", 14, 4, "value \"x\" is not a number").toString());
  }

  @Test
  void aWorkbookErrorIsLocatedAsASpreadsheetUserFindsIt() {
    DataError e = new DataError("observations.xlsx", 14, 4, "value \"x\" is not a number",
        "observations", "value");
    assertEquals("observations.xlsx: sheet observations, row 14, column \"value\"", e.where());
    assertEquals("observations.xlsx: sheet observations, row 14, column \"value\": value \"x\" is not a number",
        e.toString());
    assertEquals("observations.xlsx: sheet notes, row 3, column AB",
        new DataError("observations.xlsx", 3, 28, "merged", "notes", null).where());
  }

  @Test
  void columnsAreLetteredAsInASpreadsheet() {
    assertEquals("A", DataError.columnLetters(1));
    assertEquals("Z", DataError.columnLetters(26));
    assertEquals("AA", DataError.columnLetters(27));
    assertEquals("AZ", DataError.columnLetters(52));
  }
}
