package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Neutralising a cell for spreadsheets and restoring it on import give back the cell as stored. */
class SpreadsheetCellsTest {

  static final List<String> HOSTILE = List.of("=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
      "\uFF1D1+1", "  =1", "\n=1", "\t=1", "\rx", "growth 24 %; +24 % YoY", "a;=1+1;b", "a\t-x",
      "=HYPERLINK(\"http://x\")");
  static final List<String> CLEAN = List.of("", "-3.5", "+24", "world's", "it's '=' here",
      "'quoted'", "x;y", "¥900 billion; more than");

  @Test
  void restoreUndoesNeutraliseExactly() {
    for (String cell : HOSTILE) {
      String out = SpreadsheetCells.neutralise(cell);
      assertNotEquals(cell, out, "neutralised: " + cell);
      assertEquals(cell, SpreadsheetCells.restore(out), "restored: " + out);
    }
    for (String cell : CLEAN) {
      assertEquals(cell, SpreadsheetCells.neutralise(cell), "left as it is: " + cell);
      assertEquals(cell, SpreadsheetCells.restore(cell), "left as it is: " + cell);
    }
  }
}
