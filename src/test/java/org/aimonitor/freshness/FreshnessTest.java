package org.aimonitor.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.aimonitor.freshness.Freshness.Facts;
import org.aimonitor.freshness.Freshness.Series;
import org.aimonitor.freshness.Freshness.State;
import org.aimonitor.freshness.Freshness.Status;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Period;
import org.junit.jupiter.api.Test;

/**
 * When the next release of a series is expected after an indicator's newest figure, and what
 * that makes of the indicator on a given day: small facts, one rule at a time.
 */
class FreshnessTest {

  private static Series series(String cadence, List<Integer> months, Integer lag, String basis,
      List<String> evidence) {
    return new Series("s", "P", "Series", "系列", cadence, months, lag, null, basis,
        basis.equals("cited") ? "https://example.org/calendar" : "", evidence, "");
  }

  private static Facts published(String date, String period) {
    return new Facts(PartialDate.parse(date), "src", period == null ? null : Period.parse(period));
  }

  private static final Map<String, PartialDate> NO_EVIDENCE = Map.of();

  @Test
  void withALagTheNextPeriodsEndPlusTheLagCounts() {
    Series quarterly = series("quarterly", List.of(), 2, "inferred", List.of("a"));
    assertEquals(YearMonth.of(2025, 11),
        Freshness.expected(quarterly, published("2025-09-10", "2025-Q2"), NO_EVIDENCE),
        "Q3 ends in Sep, two months later");
    Series halfYearly = series("semi-annual", List.of(), 3, "inferred", List.of("a"));
    assertEquals(YearMonth.of(2025, 3),
        Freshness.expected(halfYearly, published("2024-10", "2024-H1"), NO_EVIDENCE));
    assertEquals(YearMonth.of(2025, 9),
        Freshness.expected(halfYearly, published("2025-03", "2024"), NO_EVIDENCE),
        "a yearly figure is followed by the half-year after it");
    assertNull(Freshness.expected(quarterly, new Facts(PartialDate.parse("2025-01"), "src", null),
        NO_EVIDENCE), "no period, nothing to count from");
  }

  @Test
  void listedReleaseMonthsGiveTheFirstOneAfterTheNewestPublication() {
    Series march = series("annual", List.of(3), null, "cited", List.of());
    assertEquals(YearMonth.of(2026, 3), Freshness.expected(march, published("2025-03-05", null), NO_EVIDENCE));
    assertEquals(YearMonth.of(2025, 3), Freshness.expected(march, published("2025-01-20", null), NO_EVIDENCE));
    Series twice = series("semi-annual", List.of(2, 8), null, "cited", List.of());
    assertEquals(YearMonth.of(2025, 8), Freshness.expected(twice, published("2025-02-27", null), NO_EVIDENCE));
    assertEquals(YearMonth.of(2026, 2), Freshness.expected(twice, published("2025-08-28", null), NO_EVIDENCE));
  }

  @Test
  void aMonthTwoPastReleasesShareIsTheUsualOneOneReleaseIsNot() {
    Series s = series("annual", List.of(), null, "inferred", List.of("a", "b", "c"));
    Map<String, PartialDate> octoberTwice = Map.of("a", PartialDate.parse("2023-10-16"),
        "b", PartialDate.parse("2024-06-20"), "c", PartialDate.parse("2025-10-01"));
    assertEquals(List.of(10), Freshness.usualMonths(s, octoberTwice));
    assertEquals(YearMonth.of(2026, 10),
        Freshness.expected(s, published("2026-03-05", null), octoberTwice),
        "the next October after March 2026");
    Map<String, PartialDate> allDifferent = Map.of("a", PartialDate.parse("2023-10-16"),
        "b", PartialDate.parse("2024-06-20"), "c", PartialDate.parse("2025"));
    assertEquals(List.of(), Freshness.usualMonths(s, allDifferent), "a year-only date has no month");
    assertEquals(YearMonth.of(2027, 3),
        Freshness.expected(s, published("2026-03-05", null), allDifferent),
        "without a usual month, one interval after the newest publication");
  }

  @Test
  void aCitedScheduleIgnoresPastReleasesAndAnIrregularOneExpectsNothing() {
    Series cited = series("annual", List.of(), null, "cited", List.of("a", "b"));
    Map<String, PartialDate> twiceInMay = Map.of("a", PartialDate.parse("2023-05-01"),
        "b", PartialDate.parse("2024-05-01"));
    assertEquals(YearMonth.of(2026, 1), Freshness.expected(cited, published("2025-01-10", null), twiceInMay));
    assertNull(Freshness.expected(series("irregular", List.of(), null, "inferred", List.of("a")),
        published("2025-01-10", "2024"), NO_EVIDENCE));
    assertNull(Freshness.expected(cited, null, NO_EVIDENCE), "no figure, nothing to count from");
  }

  @Test
  void aDateKnownOnlyToTheYearCountsAsItsLastMonth() {
    Series semi = series("semi-annual", List.of(), null, "inferred", List.of("a"));
    assertEquals(YearMonth.of(2026, 6), Freshness.expected(semi, published("2025", null), NO_EVIDENCE));
    assertEquals(YearMonth.of(2025, 12), Freshness.latestMonth(PartialDate.parse("2025")));
  }

  @Test
  void graceMonthsDependOnTheCadenceUnlessGiven() {
    assertEquals(3, series("annual", List.of(), null, "inferred", List.of("a")).grace());
    assertEquals(2, series("semi-annual", List.of(), null, "inferred", List.of("a")).grace());
    assertEquals(1, series("quarterly", List.of(), null, "inferred", List.of("a")).grace());
    Series given = new Series("s", "P", "S", "S", "annual", List.of(), null, 0, "inferred", "",
        List.of("a"), "");
    assertEquals(0, given.grace());
  }

  @Test
  void theStatusDependsOnTheDay() {
    State s = new State("x", PartialDate.parse("2026-03-05"), "src", Period.parse("2025"), "s",
        YearMonth.of(2026, 10), LocalDate.of(2027, 1, 31));
    assertEquals(Status.CURRENT, s.status(LocalDate.of(2026, 9, 30)));
    assertEquals(Status.DUE, s.status(LocalDate.of(2026, 10, 1)));
    assertEquals(Status.DUE, s.status(LocalDate.of(2027, 1, 31)), "the last day of grace");
    assertEquals(Status.OVERDUE, s.status(LocalDate.of(2027, 2, 1)));
    State unscheduled = new State("x", PartialDate.parse("2026-03-05"), "src", Period.parse("2025"),
        null, null, null);
    assertEquals(Status.UNSCHEDULED, unscheduled.status(LocalDate.of(2030, 1, 1)));
    State unknown = new State("x", null, null, null, null, null, null);
    assertEquals(Status.UNKNOWN, unknown.status(LocalDate.of(2030, 1, 1)));
  }
}
