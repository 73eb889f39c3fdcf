package org.aimonitor.freshness;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.freshness.Freshness.Facts;
import org.aimonitor.freshness.Freshness.Series;
import org.aimonitor.freshness.Freshness.State;
import org.aimonitor.freshness.FreshnessQueries.Newest;
import org.aimonitor.store.Database;
import org.aimonitor.store.PartialDate;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out every indicator's freshness with {@link Freshness}'s rules and stores it in
 * {@code freshness}: as an import commits ({@link #record}), and when the server starts on data
 * changed around the importer ({@link #refreshIfStale}).
 */
public final class FreshnessWriter {

  private static final Logger LOG = LoggerFactory.getLogger(FreshnessWriter.class);

  private FreshnessWriter() {
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
    FreshnessQueries q = h.attach(FreshnessQueries.class);
    Map<String, Series> timing = timing(q);
    q.clear();
    List<State> batch = new ArrayList<>();
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
        batch.add(new State(indicator, facts == null ? null : facts.published(),
            facts == null ? null : facts.source(), facts == null ? null : facts.period(), series,
            best, best == null ? null : best.plusMonths(grace).atEndOfMonth()));
        if (batch.size() >= 1_000) {
          q.insert(batch);
          batch.clear();
        }
      }
    }
    Current current = new Current();
    q.everyIndicatorsNewest((Newest row) -> {
      if (!row.code().equals(current.indicator)) {
        current.flush();
        current.indicator = row.code();
        current.facts = row.hasFacts()
            ? new Facts(row.publishedOn(), row.source(), row.period()) : null;
        current.series = null;
        current.best = null;
        current.grace = 0;
      }
      Series s = row.series() == null ? null : timing.get(row.series());
      YearMonth next = s == null ? null : Freshness.expected(s, current.facts, Map.of());
      if (next != null && (current.best == null || next.isBefore(current.best))) {
        current.best = next;
        current.series = s.series();
        current.grace = s.grace();
      }
    });
    current.flush();
    if (!batch.isEmpty()) {
      q.insert(batch);
    }
    // The calendar's record: what was expected, kept when it stops being the expectation.
    String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    q.endExpectationsNoLongerHeld(now);
    q.openNewExpectations(now);
    q.nameNewCycles();
    q.workedOutAt(q.dataVersion());
  }

  /**
   * Every schedule as {@link #record} needs it, by series: with the months an inferred schedule's
   * evidence shows folded into its release months, and without names, notes or evidence, so
   * that {@link Freshness#expected} gives the same month with no evidence at hand. Read in
   * slices, so that only a slice's evidence dates are held at once.
   */
  static Map<String, Series> timing(FreshnessQueries q) {
    Map<String, Series> timing = new HashMap<>();
    List<Series> slice = new ArrayList<>();
    Runnable resolve = () -> {
      Map<String, PartialDate> evidence = q.publicationDates(slice.stream()
          .flatMap(s -> s.evidence().stream()).distinct().toList());
      for (Series s : slice) {
        List<Integer> months = !s.releaseMonths().isEmpty() || s.cited() || s.lagMonths() != null
            ? s.releaseMonths() : Freshness.usualMonths(s, evidence);
        timing.put(s.series(), new Series(s.series(), "", "", "", s.cadence().intern(), months,
            s.lagMonths(), s.graceMonths(), s.basis().intern(), "", List.of(), ""));
      }
      slice.clear();
    };
    q.everySchedule(row -> {
      slice.add(row.toSeries());
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
    if (db.jdbi().withHandle(FreshnessWriter::staleVersion) == null) {
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
  private static Long staleVersion(Handle h) {
    FreshnessQueries q = h.attach(FreshnessQueries.class);
    long version = q.dataVersion();
    Long recorded = q.workedOutAt().orElse(null);
    return recorded != null && recorded == version ? null : version;
  }
}
