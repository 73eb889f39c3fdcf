package org.aimonitor.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aimonitor.json.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The import log, the one model of it: every import (seed, command line, web) writes an
 * {@link Entry} here, and the updates pages, feeds, the API and the staff's log page read it
 * back. Every read goes through the log's primary key; imports are logged in the order they
 * commit, so ids and times rise together.
 */
@RegisterConstructorMapper(ImportLog.Entry.class)
public interface ImportLog {

  /** The log on {@code h}, in its transaction. */
  static ImportLog on(Handle h) {
    return h.attach(ImportLog.class);
  }

  /**
   * A file of an import as the log recorded it: {@code table} is the file name of what it was
   * recognised as ("observations.csv"); the per-file counts are null in entries logged before
   * they were recorded.
   */
  record LoggedFile(String name, String sha256, String table, Integer rows, Integer added,
      Integer changed, Integer unchanged) {
  }

  /** What an import did to one table, summed over its files. */
  record TableCount(CsvTable table, int rows, int added, int changed, int unchanged) {

    public boolean touched() {
      return added + changed > 0;
    }
  }

  /**
   * One logged import; {@code importedAt} is an ISO instant, {@code reason} what staff said it is
   * for (null when none was given), {@code files} the JSON array of file summaries the importer
   * wrote.
   */
  record Entry(long id, String importedAt, String who, String reason, String files, int added,
      int changed, int unchanged) {

    private static final ObjectReader FILES = Json.MAPPER.readerForListOf(LoggedFile.class)
        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** When it was logged; the epoch for an entry whose time cannot be read. */
    public Instant at() {
      try {
        return Instant.parse(importedAt);
      } catch (DateTimeParseException e) {
        return Instant.EPOCH;
      }
    }

    /** The UTC day it was logged on (the log's times are UTC). */
    public LocalDate day() {
      return ImportLog.day(at());
    }

    /** Whether the import added or changed anything. */
    public boolean changedSomething() {
      return added + changed > 0;
    }

    public List<LoggedFile> loggedFiles() {
      try {
        return FILES.readValue(files);
      } catch (IOException e) {
        // The importer alone writes the log; an unreadable entry still has its totals.
        return List.of();
      }
    }

    /**
     * The counts per table, in the tables' order, summed over the files that held each; empty
     * when the log did not record per-file counts.
     */
    public List<TableCount> tables() {
      Map<CsvTable, int[]> sums = new EnumMap<>(CsvTable.class);
      for (LoggedFile f : loggedFiles()) {
        CsvTable table = CsvTable.byFileName(f.table()).orElse(null);
        if (table == null || f.added() == null || f.changed() == null || f.unchanged() == null) {
          continue;
        }
        int[] s = sums.computeIfAbsent(table, k -> new int[4]);
        s[0] += f.rows() == null ? 0 : f.rows();
        s[1] += f.added();
        s[2] += f.changed();
        s[3] += f.unchanged();
      }
      List<TableCount> counts = new ArrayList<>();
      sums.forEach((table, s) -> counts.add(new TableCount(table, s[0], s[1], s[2], s[3])));
      return counts;
    }

    /** The count of one table, or an empty one when the import held none of its rows. */
    public TableCount table(CsvTable table) {
      return tables().stream().filter(c -> c.table() == table).findFirst()
          .orElse(new TableCount(table, 0, 0, 0, 0));
    }
  }

  /** The ids of the imports a date range covers, both ends included; empty when none. */
  record IdRange(long first, long last) {

    public static final IdRange NONE = new IdRange(1, 0);
    public static final IdRange ALL = new IdRange(1, Long.MAX_VALUE);

    public boolean isEmpty() {
      return first > last;
    }
  }

  /** Logs an import (the importer's write, in its transaction) and answers its id. */
  @SqlUpdate("""
      INSERT INTO import_log (imported_at, who, reason, files, added, changed, unchanged)
      VALUES (:at, :who, :reason, :files, :added, :changed, :unchanged)
      """)
  @GetGeneratedKeys("id")
  long insert(@Bind("at") String at, @Bind("who") String who, @Bind("reason") String reason,
      @Bind("files") String files, @Bind("added") int added, @Bind("changed") int changed,
      @Bind("unchanged") int unchanged);

  @SqlQuery("""
      SELECT id, imported_at, who, reason, files, added, changed, unchanged
      FROM import_log
      WHERE id = :id
      """)
  Optional<Entry> byId(@Bind("id") long id);

  /** The newest import's id, 0 when nothing has been imported. */
  @SqlQuery("SELECT coalesce(max(id), 0) FROM import_log")
  long latestId();

  /** The oldest import's id, 1 when nothing has been imported. */
  @SqlQuery("SELECT coalesce(min(id), 1) FROM import_log")
  long earliestId();

  /** The first logged import with an id of at least {@code id} (ids have no gaps, but a copied log might). */
  @SqlQuery("""
      SELECT id, imported_at, who, reason, files, added, changed, unchanged
      FROM import_log
      WHERE id >= :id
      ORDER BY id
      LIMIT 1
      """)
  Optional<Entry> firstFrom(@Bind("id") long id);

  @SqlQuery("""
      SELECT id, imported_at, who, reason, files, added, changed, unchanged
      FROM import_log
      WHERE id >= :first AND id <= :last AND id < :before
      ORDER BY id DESC
      LIMIT :limit OFFSET :offset
      """)
  List<Entry> newestFirstIn(@Bind("first") long first, @Bind("last") long last,
      @Bind("before") long before, @Bind("limit") int limit, @Bind("offset") long offset);

  @SqlQuery("SELECT count(*) FROM import_log WHERE id >= :first AND id <= :last")
  long countIn(@Bind("first") long first, @Bind("last") long last);

  /**
   * When this database's first import was logged: it never changes, so it tells this monitor's
   * imports from another's with the same numbers (the feeds' ids are made from it); empty before
   * the first import.
   */
  @SqlQuery("""
      SELECT coalesce((SELECT imported_at FROM import_log WHERE id = (SELECT min(id) FROM import_log)), '')
      """)
  String firstImportAt();

  /** The imports with ids in {@code range} below {@code before}, newest first, at most {@code limit}. */
  default List<Entry> newestFirst(IdRange range, long before, int limit, long offset) {
    return range.isEmpty() ? List.of()
        : newestFirstIn(range.first(), range.last(), before, limit, offset);
  }

  /** The newest {@code limit} imports. */
  default List<Entry> newestFirst(int limit) {
    return newestFirst(IdRange.ALL, Long.MAX_VALUE, limit, 0);
  }

  /** How many imports {@code range} holds. */
  default long count(IdRange range) {
    return range.isEmpty() ? 0 : countIn(range.first(), range.last());
  }

  /**
   * The ids of the imports logged from the start of {@code from} to the end of {@code to} (UTC
   * days; null for no bound). Each bound is found by a binary search of point reads through the
   * primary key, never by reading the log.
   */
  default IdRange range(LocalDate from, LocalDate to) {
    long latest = latestId();
    if (latest == 0) {
      return IdRange.NONE;
    }
    long earliest = earliestId();
    long first = from == null ? earliest
        : firstAtOrAfter(from.atStartOfDay(ZoneOffset.UTC).toInstant(), earliest, latest);
    long last = to == null ? latest
        : firstAtOrAfter(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), earliest, latest) - 1;
    return first > last ? IdRange.NONE : new IdRange(first, last);
  }

  /** The first id from {@code lo} whose import was logged at or after {@code at}; hi + 1 if none. */
  private long firstAtOrAfter(Instant at, long lo, long hi) {
    long low = lo;
    long high = hi + 1;
    while (low < high) {
      long mid = low + (high - low) / 2;
      Optional<Entry> probe = firstFrom(mid);
      if (probe.isEmpty() || probe.get().id() > hi) {
        high = mid;
      } else if (probe.get().at().isBefore(at)) {
        low = probe.get().id() + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The day an instant falls on, in UTC (the log's times are UTC). */
  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
