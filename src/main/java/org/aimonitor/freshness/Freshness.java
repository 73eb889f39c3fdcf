package org.aimonitor.freshness;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Period;

/**
 * The rules of freshness: how current an indicator is, and when its next figure is due, from the
 * publication dates of its figures and the release schedules of the series that feed it
 * (schedules.csv). No database here: {@link FreshnessWriter} applies these rules to every
 * indicator when an import commits and stores the result in {@code freshness};
 * {@link FreshnessQueries} reads it back, one row per indicator a page shows.
 *
 * <p>The expected month is an estimate and is always shown as one, with where it comes from:
 * the publisher's cited calendar, or past releases (a month that two of the schedule's evidence
 * dates share, or one interval of its cadence after the newest figure). A release is overdue once the grace months after the
 * expected month have passed; whether it is depends on the day a page is read.
 */
public final class Freshness {

  /** A publication series and its release schedule (a row of schedules.csv). */
  public record Series(String series, String publisher, String nameEn, String nameZh,
      String cadence, List<Integer> releaseMonths, Integer lagMonths, Integer graceMonths,
      String basis, String basisUrl, List<String> evidence, String note) {

    /** Months between two releases; 0 for an irregular series. */
    public int interval() {
      return switch (cadence) {
        case "annual" -> 12;
        case "semi-annual" -> 6;
        case "quarterly" -> 3;
        case "monthly" -> 1;
        default -> 0;
      };
    }

    /** Months after the expected one before a release counts as overdue. */
    public int grace() {
      if (graceMonths != null) {
        return graceMonths;
      }
      return switch (cadence) {
        case "annual" -> 3;
        case "semi-annual" -> 2;
        default -> 1;
      };
    }

    public boolean cited() {
      return basis.equals("cited");
    }
  }

  /** Where an indicator stands, as of a day. */
  public enum Status {
    /** No actual figure (forecasts and targets do not count), or none with a date. */
    UNKNOWN,
    /** No series with a schedule feeds it (irregular statements only, or none listed). */
    UNSCHEDULED,
    /** The next release is not due yet. */
    CURRENT,
    /** The expected month has come; within the grace months. */
    DUE,
    /** The grace months after the expected month have passed without a newer figure. */
    OVERDUE
  }

  /**
   * An indicator's freshness as the data have it: when its newest figure was published (and by
   * which source), the latest period it covers, and the series expected next with the month
   * and the day after which it is overdue ({@code null} when no schedule gives one).
   */
  public record State(String indicator, PartialDate lastPublished, String lastSource,
      Period latestPeriod, String series, YearMonth expected, LocalDate overdueAfter) {

    public Status status(LocalDate today) {
      if (lastPublished == null && latestPeriod == null) {
        return Status.UNKNOWN;
      }
      if (expected == null) {
        return Status.UNSCHEDULED;
      }
      if (today.isAfter(overdueAfter)) {
        return Status.OVERDUE;
      }
      return YearMonth.from(today).isBefore(expected) ? Status.CURRENT : Status.DUE;
    }
  }

  private Freshness() {
  }

  /** The newest figure of an indicator: published when, by which source, for which period. */
  record Facts(PartialDate published, String source, Period period) {
  }

  /**
   * The month the next release of {@code s} is expected in, after the newest figure {@code f}:
   * {@code lag_months} after the end of the period that follows the latest one; else the first
   * of the usual release months (listed, or shared by two evidence dates) after
   * the newest publication; else one interval after it. {@code null} for an irregular series or
   * when the figures give nothing to count from.
   */
  static YearMonth expected(Series s, Facts f, Map<String, PartialDate> evidence) {
    int interval = s.interval();
    if (interval == 0 || f == null) {
      return null;
    }
    if (s.lagMonths() != null) {
      return f.period() == null ? null
          : f.period().last().plusMonths(interval).plusMonths(s.lagMonths());
    }
    if (f.published() == null) {
      return null;
    }
    YearMonth anchor = latestMonth(f.published());
    List<Integer> months = new ArrayList<>(s.releaseMonths());
    if (months.isEmpty() && !s.cited()) {
      months.addAll(usualMonths(s, evidence));
    }
    if (months.isEmpty()) {
      return anchor.plusMonths(interval);
    }
    YearMonth next = anchor.plusMonths(1);
    while (!months.contains(next.getMonthValue())) {
      next = next.plusMonths(1);
    }
    return next;
  }

  /**
   * The months an inferred schedule's past releases share: those that at least two of its
   * evidence dates fall in (one release does not make a habit).
   */
  static List<Integer> usualMonths(Series s, Map<String, PartialDate> evidence) {
    Map<Integer, Integer> counts = new HashMap<>();
    s.evidence().stream().map(evidence::get).filter(d -> d != null && d.month() > 0)
        .forEach(d -> counts.merge(d.month(), 1, Integer::sum));
    return counts.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey)
        .sorted().toList();
  }

  /** The last month a partial date can mean: a year-only date counts as December. */
  static YearMonth latestMonth(PartialDate d) {
    return YearMonth.of(d.year(), d.month() == 0 ? 12 : d.month());
  }

  static List<Integer> months(String text) {
    return words(text).stream().map(Integer::valueOf).sorted().toList();
  }

  static List<String> words(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
  }
}
