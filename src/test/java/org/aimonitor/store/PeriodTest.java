package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @ParameterizedTest
  @CsvSource({
      "2024,            YEAR,    2024-01-01, 2024-12-31, 2024",
      "2024-H1,         HALF,    2024-01-01, 2024-06-30, H1 2024",
      "2022-H2,         HALF,    2022-07-01, 2022-12-31, H2 2022",
      "2023-Q3,         QUARTER, 2023-07-01, 2023-09-30, Q3 2023",
      "2024-02,         MONTH,   2024-02-01, 2024-02-29, Feb 2024",
      "2025-01/2025-07, RANGE,   2025-01-01, 2025-07-31, Jan–Jul 2025",
      "2024-11/2025-02, RANGE,   2024-11-01, 2025-02-28, Nov 2024–Feb 2025",
  })
  void parsesEveryDocumentedFormatWithItsStartEndAndLabel(String code, Period.Granularity granularity,
      LocalDate start, LocalDate end, String label) {
    Period p = Period.parse(code);
    assertEquals(granularity, p.granularity());
    assertEquals(start, p.start());
    assertEquals(end, p.end());
    assertEquals(label, p.label());
    assertEquals(code, p.code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "24", "2024-13", "2024-00", "2024-Q5", "2024-Q0", "2024-H3",
      "2025-07/2025-01", "2025-03/2025-03", "2024-1", "2024 ", "FY2024", "2024-W12", "1850"})
  void rejectsMalformedOrImpossiblePeriods(String code) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(code));
    assertTrue(e.getMessage().length() > 10, "the message says what is wrong: " + e.getMessage());
  }

  @Test
  void rejectsMonthThirteenWithAMessageNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Period.parse("2024-13"));
    assertEquals("month 13 is not between 1 and 12", e.getMessage());
  }

  @Test
  void flowsSitAtTheMiddleAndStocksAtTheEndOfTheirPeriod() {
    assertEquals(2024.5, Period.parse("2024").midpoint(), 1e-9);
    assertEquals(2025.0, Period.parse("2024").endpoint(), 1e-9);
    assertEquals(2024.875, Period.parse("2024-Q4").midpoint(), 1e-9);
    assertEquals(2023.75, Period.parse("2023-Q3").endpoint(), 1e-9);
    assertEquals(2025.0 + 3.5 / 12, Period.parse("2025-01/2025-07").midpoint(), 1e-9);
    assertEquals(2023.5, Period.parse("2023-06").endpoint(), 1e-9);
  }

  @Test
  void stocksAreLabelledByTheEndOfThePeriod() {
    assertEquals("end of 2025", Period.parse("2025").endLabel());
    assertEquals("end of Q3 2023", Period.parse("2023-Q3").endLabel());
    assertEquals("Sep 2025", Period.parse("2025-09").endLabel());
  }

  @Test
  void sortsByEndThenByStartSoTheLongerPeriodComesFirst() {
    List<Period> sorted = List.of("2025", "2024-Q4", "2024", "2025-01/2025-07", "2024-H2").stream()
        .map(Period::parse).sorted().toList();
    assertEquals(List.of("2024", "2024-H2", "2024-Q4", "2025-01/2025-07", "2025"),
        sorted.stream().map(Period::code).toList());
  }
}
