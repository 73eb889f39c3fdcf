package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PartialDateTest {

  @Test
  void labelsDatesAtThePrecisionTheyAreKnown() {
    assertEquals("1 Oct 2025", PartialDate.parse("2025-10-01").label());
    assertEquals("Jul 2025", PartialDate.parse("2025-07").label());
    assertEquals("2024", PartialDate.parse("2024").label());
  }

  @Test
  void rejectsDaysThatDoNotExist() {
    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2025-02-30"));
    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2025-13"));
    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("1 Oct 2025"));
  }

  @Test
  void emptyMeansUnknown() {
    assertNull(PartialDate.parseOptional(""));
    assertNull(PartialDate.parseOptional(null));
  }

  @Test
  void aYearOnlyDateSortsAsTheStartOfThatYear() {
    assertTrue(PartialDate.parse("2025").compareTo(PartialDate.parse("2025-01-02")) < 0);
    assertTrue(PartialDate.parse("2025-03-05").compareTo(PartialDate.parse("2025")) > 0);
  }
}
