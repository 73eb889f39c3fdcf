package org.aimonitor.updates;

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
import org.aimonitor.store.CsvTable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The import log as the updates pages, feeds and API read it: one import by id, the imports of a
 * range newest first, and which ids a date range covers. Every read goes through the log's
 * primary key (imports are logged in the order they commit, so ids and times rise together).
 */
public final class Imports {

  private static final ObjectReader FILES = Json.MAPPER.readerForListOf(LoggedFile.class)
      .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final String COLUMNS = "id, imported_at, who, reason, files, added, changed, unchanged";
  private static final RowMapper<Logged> LOGGED = ConstructorMapper.of(Logged.class);

  private Imports() {
  }

  /**
   * A file of an import as the log recorded it: {@code table} is the file name of what it was
   * recognised as ("observations.csv"); the per-file counts are null in entries logged before
   * they were recorded.
   */
  public record LoggedFile(String name, String sha256, String table, Integer rows, Integer added,
      Integer changed, Integer unchanged) {
  }

  /** What an import did to one table, summed over its files. */
  public record TableCount(CsvTable table, int rows, int added, int changed, int unchanged) {

    public boolean touched() {
      return added + changed > 0;
    }
  }

  /**
   * One logged import; {@code importedAt} is an ISO instant, {@code reason} what staff said it
   * is for (null when none was given), {@code files} the log's JSON.
   */
  public record Logged(long id, String importedAt, String who, String reason, String files,
      int added, int changed, int unchanged) {

    /** When it was logged; the epoch for an entry whose time cannot be read. */
    public Instant at() {
      try {
        return Instant.parse(importedAt);
      } catch (DateTimeParseException e) {
        return Instant.EPOCH;
      }
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
        CsvTable table = tableOf(f.table());
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

  private static CsvTable tableOf(String fileName) {
    for (CsvTable t : CsvTable.values()) {
      if (t.fileName().equals(fileName)) {
        return t;
      }
    }
    return null;
  }

  /** The ids of the imports a date range covers, both ends included; empty when none. */
  public record IdRange(long first, long last) {

    public static final IdRange NONE = new IdRange(1, 0);

    public boolean isEmpty() {
      return first > last;
    }
  }

  public static Optional<Logged> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM import_log WHERE id = :id")
        .bind("id", id).map(LOGGED).findOne();
  }

  /** The newest import's id, 0 when nothing has been imported. */
  public static long latestId(Handle h) {
    return h.createQuery("SELECT coalesce(max(id), 0) FROM import_log").mapTo(Long.class).one();
  }

  /** The imports with ids in {@code range} below {@code before}, newest first, at most {@code limit}. */
  public static List<Logged> newestFirst(Handle h, IdRange range, long before, int limit,
      long offset) {
    if (range.isEmpty()) {
      return List.of();
    }
    return h.createQuery("SELECT " + COLUMNS + " FROM import_log"
            + " WHERE id >= :first AND id <= :last AND id < :before"
            + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
        .bind("first", range.first()).bind("last", range.last()).bind("before", before)
        .bind("limit", limit).bind("offset", offset)
        .map(LOGGED).list();
  }

  /** How many imports {@code range} holds. */
  public static long count(Handle h, IdRange range) {
    if (range.isEmpty()) {
      return 0;
    }
    return h.createQuery("SELECT count(*) FROM import_log WHERE id >= :first AND id <= :last")
        .bind("first", range.first()).bind("last", range.last()).mapTo(Long.class).one();
  }

  /**
   * The ids of the imports logged from the start of {@code from} to the end of {@code to} (UTC
   * days; null for no bound). Imports are logged in the order they commit, so their times rise
   * with their ids: each bound is found by a binary search of point reads through the primary
   * key, never by reading the log.
   */
  public static IdRange range(Handle h, LocalDate from, LocalDate to) {
    long latest = latestId(h);
    long earliest = h.createQuery("SELECT coalesce(min(id), 1) FROM import_log")
        .mapTo(Long.class).one();
    if (latest == 0) {
      return IdRange.NONE;
    }
    long first = from == null ? earliest
        : firstAtOrAfter(h, from.atStartOfDay(ZoneOffset.UTC).toInstant(), earliest, latest);
    long last = to == null ? latest
        : firstAtOrAfter(h, to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), earliest,
            latest) - 1;
    return first > last ? IdRange.NONE : new IdRange(first, last);
  }

  /** The first id from {@code lo} whose import was logged at or after {@code at}; hi + 1 if none. */
  private static long firstAtOrAfter(Handle h, Instant at, long lo, long hi) {
    long low = lo;
    long high = hi + 1;
    while (low < high) {
      long mid = low + (high - low) / 2;
      // The first logged id at or after mid (ids have no gaps, but a copied log might).
      Optional<Logged> probe = h.createQuery("SELECT " + COLUMNS
              + " FROM import_log WHERE id >= :id ORDER BY id LIMIT 1")
          .bind("id", mid).map(LOGGED).findOne();
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

  /**
   * When this database's first import was logged: it never changes, so it tells this monitor's
   * imports from another's with the same numbers (the feeds' ids are made from it).
   */
  public static String firstImportAt(Handle h) {
    return h.createQuery("""
            SELECT imported_at FROM import_log WHERE id = (SELECT min(id) FROM import_log)
            """)
        .mapTo(String.class).findOne().orElse("");
  }

  /** The day an instant falls on, in UTC (the log's times are UTC). */
  public static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
