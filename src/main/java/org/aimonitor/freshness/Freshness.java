package org.aimonitor.freshness;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.store.Database;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Period;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How current each indicator is, and when its next figure is due: from the publication dates of
 * its figures and the release schedules of the series that feed it (schedules.csv). Worked out
 * for every indicator when an import commits ({@link #record}) and stored in {@code freshness},
 * so pages and lists read one row per indicator they show, and can sort by it.
 *
 * <p>The expected month is an estimate and is always shown as one, with where it comes from:
 * the publisher's cited calendar, or past releases (a month that two of the schedule's evidence
 * dates share, or one interval of its cadence after the newest figure). A release is overdue once the grace months after the
 * expected month have passed; whether it is depends on the day a page is read.
 */
public final class Freshness {

  private static final Logger LOG = LoggerFactory.getLogger(Freshness.class);

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

  // ---- Working it out ---------------------------------------------------------------------

  /** The newest figure of an indicator: published when, by which source, for which period. */
  record Facts(PartialDate published, String source, Period period) {
  }

  /**
   * Works out every indicator's freshness at the handle's data and stores it, in the caller's
   * transaction (the importer calls it as an import commits).
   *
   * <p>It streams: one query gives each indicator's newest figure with the series that feed it,
   * in indicator order, and each indicator's row is written as soon as its series are read. What
   * it holds at once is the schedules' timing (a few numbers per series), never a row per
   * indicator or per figure: 35,000 indicators and 430,000 figures (1,000 times the seed) take
   * a few megabytes of heap, where reading them all into maps took about 50.
   */
  public static void record(Handle h) {
    Map<String, Series> timing = timing(h);
    h.execute("DELETE FROM freshness");
    PreparedBatch insert = h.prepareBatch("""
        INSERT INTO freshness (indicator, last_published, last_source, latest_period, series,
                               expected, overdue_after)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """);
    // One row per indicator and series that feeds it (one row with no series for an indicator
    // that has none), in the order the series were imported: on a tie the first one wins.
    class Current {
      String indicator;
      Facts facts;
      String series;
      YearMonth best;
      int grace;

      void flush() {
        if (indicator == null) {
          return;
        }
        insert.bind(0, indicator)
            .bind(1, facts == null || facts.published() == null ? null : facts.published().code())
            .bind(2, facts == null ? null : facts.source())
            .bind(3, facts == null || facts.period() == null ? null : facts.period().code())
            .bind(4, series)
            .bind(5, best == null ? null : best.toString())
            .bind(6, best == null ? null : best.plusMonths(grace).atEndOfMonth().toString())
            .add();
        if (insert.size() >= 1_000) {
          insert.execute();
        }
      }
    }
    Current current = new Current();
    h.createQuery("""
            WITH newest AS (
              SELECT indicator,
                     max(CASE WHEN by_published = 1 THEN published_on END) AS published_on,
                     max(CASE WHEN by_published = 1 THEN source END) AS source,
                     max(CASE WHEN by_period = 1 THEN period END) AS period
              FROM (
                SELECT o.indicator, s.published_on, s.id AS source, o.period,
                  row_number() OVER (PARTITION BY o.indicator
                    ORDER BY r.level IN ('world', 'country') DESC, s.published_on DESC NULLS LAST, o.id DESC)
                    AS by_published,
                  row_number() OVER (PARTITION BY o.indicator
                    ORDER BY r.level IN ('world', 'country') DESC, o.period_end DESC, o.period_start DESC, o.id DESC)
                    AS by_period
                FROM observation o JOIN source s ON s.id = o.source JOIN region r ON r.code = o.region
                WHERE o.qualifier NOT IN ('forecast', 'target'))
              WHERE by_published = 1 OR by_period = 1
              GROUP BY indicator)
            SELECT i.code, n.indicator IS NOT NULL AS has_facts, n.published_on, n.source, n.period,
                   si.series
            FROM indicator i
            LEFT JOIN newest n ON n.indicator = i.code
            LEFT JOIN schedule_indicator si ON si.indicator = i.code
            LEFT JOIN schedule sc ON sc.series = si.series
            ORDER BY i.code, sc.id
            """)
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getInt(2) == 1 ? "" : null,
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)})
        .forEach(row -> {
          if (!row[0].equals(current.indicator)) {
            current.flush();
            current.indicator = row[0];
            current.facts = row[1] == null ? null : new Facts(PartialDate.parseOptional(row[2]),
                row[3], row[4] == null ? null : Period.parse(row[4]));
            current.series = null;
            current.best = null;
            current.grace = 0;
          }
          Series s = row[5] == null ? null : timing.get(row[5]);
          YearMonth next = s == null ? null : expected(s, current.facts, Map.of());
          if (next != null && (current.best == null || next.isBefore(current.best))) {
            current.best = next;
            current.series = s.series();
            current.grace = s.grace();
          }
        });
    current.flush();
    if (insert.size() > 0) {
      insert.execute();
    }
    long version = h.createQuery("SELECT version FROM data_version WHERE id = 1").mapTo(Long.class).one();
    h.execute("INSERT INTO freshness_state (id, data_version) VALUES (1, ?)"
        + " ON CONFLICT (id) DO UPDATE SET data_version = excluded.data_version", version);
  }

  /**
   * Every schedule as {@link #record} needs it, by series: with the months an inferred schedule's
   * evidence shows folded into its release months, and without names, notes or evidence, so
   * that {@link #expected} gives the same month with no evidence at hand. Read in slices, so
   * that only a slice's evidence dates are held at once.
   */
  static Map<String, Series> timing(Handle h) {
    Map<String, Series> timing = new HashMap<>();
    List<Series> slice = new ArrayList<>();
    Runnable resolve = () -> {
      Map<String, PartialDate> evidence = evidenceDates(h, slice.stream()
          .flatMap(s -> s.evidence().stream()).distinct().toList());
      for (Series s : slice) {
        List<Integer> months = !s.releaseMonths().isEmpty() || s.cited() || s.lagMonths() != null
            ? s.releaseMonths() : usualMonths(s, evidence);
        timing.put(s.series(), new Series(s.series(), "", "", "", s.cadence().intern(), months,
            s.lagMonths(), s.graceMonths(), s.basis().intern(), "", List.of(), ""));
      }
      slice.clear();
    };
    h.createQuery("SELECT * FROM schedule ORDER BY id").map((rs, ctx) -> series(rs)).forEach(s -> {
      slice.add(s);
      if (slice.size() >= 500) {
        resolve.run();
      }
    });
    resolve.run();
    return timing;
  }

  /**
   * Brings the stored freshness up to date when the data changed around the importer (a
   * database migrated from an older release, or edited by hand); called when the server starts.
   *
   * @return whether it had to
   */
  public static boolean refreshIfStale(Database db) {
    // Usually current: a plain read says so without the write lock; otherwise checked again
    // under it, as another process may have brought it up to date meanwhile.
    if (db.jdbi().withHandle(Freshness::staleVersion) == null) {
      return false;
    }
    return db.writer().inTransaction(h -> {
      Long version = staleVersion(h);
      if (version == null) {
        return false;
      }
      record(h);
      LOG.info("Freshness of every indicator worked out again at data version {}", version);
      return true;
    });
  }

  /** The current data version when the freshness table was worked out at another; else null. */
  private static Long staleVersion(org.jdbi.v3.core.Handle h) {
    long version = h.createQuery("SELECT version FROM data_version WHERE id = 1").mapTo(Long.class).one();
    Long recorded = h.createQuery("SELECT data_version FROM freshness_state WHERE id = 1")
        .mapTo(Long.class).findOne().orElse(null);
    return recorded != null && recorded == version ? null : version;
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

  /** A series from a row of {@code schedule}. */
  public static Series series(java.sql.ResultSet rs) throws java.sql.SQLException {
    int lag = rs.getInt("lag_months");
    Integer lagMonths = rs.wasNull() ? null : lag;
    int grace = rs.getInt("grace_months");
    Integer graceMonths = rs.wasNull() ? null : grace;
    return new Series(rs.getString("series"), rs.getString("publisher"), rs.getString("name_en"),
        rs.getString("name_zh"), rs.getString("cadence"), months(rs.getString("release_months")),
        lagMonths, graceMonths, rs.getString("basis"), rs.getString("basis_url"),
        words(rs.getString("evidence")), rs.getString("note"));
  }

  static List<Integer> months(String text) {
    return words(text).stream().map(Integer::valueOf).sorted().toList();
  }

  static List<String> words(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
  }

  /**
   * The publication dates of the evidence sources, asked for 500 at a time (a query binds at
   * most 32,766 values, and a schedule may list many sources).
   */
  static Map<String, PartialDate> evidenceDates(Handle h, Collection<String> sources) {
    Map<String, PartialDate> dates = new HashMap<>();
    List<String> all = List.copyOf(sources);
    for (int from = 0; from < all.size(); from += 500) {
      h.createQuery("SELECT id, published_on FROM source WHERE id IN (<ids>)")
          .bindList("ids", all.subList(from, Math.min(all.size(), from + 500)))
          .map((rs, ctx) -> Map.entry(rs.getString(1), String.valueOf(rs.getString(2))))
          .forEach(e -> {
            if (!e.getValue().equals("null")) {
              dates.put(e.getKey(), PartialDate.parse(e.getValue()));
            }
          });
    }
    return dates;
  }

  // ---- Reading it -------------------------------------------------------------------------

  /** The stored freshness of these indicators. */
  public static Map<String, State> of(Handle h, Collection<String> indicators) {
    Map<String, State> states = new HashMap<>();
    if (indicators.isEmpty()) {
      return states;
    }
    h.createQuery("SELECT * FROM freshness WHERE indicator IN (<codes>)")
        .bindList("codes", List.copyOf(indicators))
        .map((rs, ctx) -> state(rs))
        .forEach(s -> states.put(s.indicator(), s));
    return states;
  }

  static State state(java.sql.ResultSet rs) throws java.sql.SQLException {
    String expected = rs.getString("expected");
    String overdue = rs.getString("overdue_after");
    String period = rs.getString("latest_period");
    return new State(rs.getString("indicator"), PartialDate.parseOptional(rs.getString("last_published")),
        rs.getString("last_source"), period == null ? null : Period.parse(period),
        rs.getString("series"), expected == null ? null : YearMonth.parse(expected),
        overdue == null ? null : LocalDate.parse(overdue));
  }

  /** How many indicators are overdue on {@code today}. */
  public static long overdueCount(Handle h, LocalDate today) {
    return h.createQuery("SELECT count(*) FROM freshness WHERE overdue_after < :today")
        .bind("today", today.toString()).mapTo(Long.class).one();
  }

  /** The schedules of these series. */
  public static Map<String, Series> schedules(Handle h, Collection<String> series) {
    Map<String, Series> schedules = new LinkedHashMap<>();
    if (!series.isEmpty()) {
      h.createQuery("SELECT * FROM schedule WHERE series IN (<s>) ORDER BY id")
          .bindList("s", List.copyOf(series))
          .map((rs, ctx) -> series(rs))
          .forEach(s -> schedules.put(s.series(), s));
    }
    return schedules;
  }
}
