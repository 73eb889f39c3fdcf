package org.aimonitor.importer;

import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.aimonitor.download.DownloadSizes;
import org.aimonitor.freshness.Freshness;
import org.aimonitor.importer.ImportReport.Change;
import org.aimonitor.importer.ImportReport.FileSummary;
import org.aimonitor.json.Json;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataError;
import org.aimonitor.store.DataException;
import org.aimonitor.store.Database;
import org.aimonitor.store.ImportLog;
import org.aimonitor.store.SearchIndex;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.jdbi.v3.core.Handle;
import org.sqlite.Function;

/**
 * Validates and applies CSV files in the seed format. All files of one call are one transaction:
 * either every row is stored or, on any error, nothing is. Rows are matched on their key;
 * unchanged rows are no-ops, changed rows keep their previous state as a revision.
 *
 * <p>Memory does not grow with the data: rows are read one at a time, checked cell by cell and
 * staged in temporary tables ({@link StagedTable}); references, duplicates, headlines and what
 * changes are then worked out in SQL against the live tables, which are never read whole.
 */
public final class Importer {

  /** Largest file accepted (the web upload limit matches it). */
  public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
  /** Most data rows accepted in one file. */
  public static final int MAX_ROWS = 50_000;
  /** Errors reported before validation stops listing more. */
  public static final int MAX_ERRORS = 100;
  /** Added or changed rows a report lists; the rest are counted (and still go to a listener). */
  public static final int MAX_CHANGES_LISTED = 1_000;

  private final Database db;

  public Importer(Database db) {
    this.db = db;
  }

  /** Validates and reports what the files would change, writing nothing. */
  public ImportReport dryRun(List<ImportFile> files) {
    return dryRun(files, change -> { });
  }

  /** As {@link #dryRun(List)}, telling {@code changes} of every row it would add or change. */
  public ImportReport dryRun(List<ImportFile> files, Consumer<Change> changes) {
    return db.jdbi().inTransaction(handle -> run(handle, files, null, null, changes));
  }

  /**
   * Applies the files in one transaction and logs the import; throws {@link DataException} with
   * every error found when any file is invalid, leaving the database exactly as it was.
   */
  public ImportReport apply(List<ImportFile> files, String who) {
    return apply(files, who, change -> { });
  }

  /** As {@link #apply(List, String)}, telling {@code changes} of every row it adds or changes. */
  public ImportReport apply(List<ImportFile> files, String who, Consumer<Change> changes) {
    return apply(files, who, null, changes);
  }

  /**
   * As {@link #apply(List, String, Consumer)}, logging {@code reason} (already checked by
   * {@link ImportReason#of}; null for none) with the import.
   */
  public ImportReport apply(List<ImportFile> files, String who, String reason,
      Consumer<Change> changes) {
    // Counted in Micrometer's global registry: /metrics shows them when it is on, and without
    // a registry (the command line, metrics off) the counting costs nothing.
    long start = System.nanoTime();
    try {
      ImportReport report = db.writer().inTransaction(handle -> applyIn(handle, files, who, reason, changes));
      Metrics.counter("aim.imports", "outcome", "applied").increment();
      Metrics.counter("aim.import.rows").increment(report.added() + report.changed() + report.unchanged());
      Metrics.timer("aim.import.duration").record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return report;
    } catch (RuntimeException e) {
      Metrics.counter("aim.imports", "outcome", "failed").increment();
      throw e;
    }
  }

  /** {@link #apply} inside a transaction the caller holds (the seeder checks emptiness in it). */
  public static ImportReport applyIn(Handle handle, List<ImportFile> files, String who) {
    return applyIn(handle, files, who, null, change -> { });
  }

  private static ImportReport applyIn(Handle handle, List<ImportFile> files, String who,
      String reason, Consumer<Change> changes) {
    ImportReport report = run(handle, files, Objects.requireNonNull(who), reason, changes);
    if (!report.valid()) {
      throw new DataException(report.errors());
    }
    return report;
  }

  /** A file recognised by its header: where it stands in the import and its header's columns. */
  private record Parsed(int given, ImportFile file, String text, CsvTable table,
      Map<String, Integer> header) {

    /** Files are applied in table order (references point up it), then in the order given. */
    int rank() {
      return (table.ordinal() + 1) * 100_000 + given;
    }

    long column(String name) {
      return header.get(name) + 1;
    }
  }

  /** One import being worked out: staged tables, errors, and what the files do. */
  private static final class Run {
    final Handle handle;
    final ErrorList errors = new ErrorList(MAX_ERRORS);
    final List<Parsed> files = new ArrayList<>();
    final Map<CsvTable, StagedTable> staged = new EnumMap<>(CsvTable.class);

    Run(Handle handle) {
      this.handle = handle;
    }

    void error(Parsed p, long line, long column, String message) {
      errors.add(p.rank(), new DataError(p.file.name(), line, column, message));
    }

    StagedTable stage(CsvTable table) {
      return staged.computeIfAbsent(table, t -> StagedTable.create(handle, t));
    }

    void dropStages() {
      staged.values().forEach(StagedTable::drop);
    }
  }

  private static ImportReport run(Handle handle, List<ImportFile> files, String who, String reason,
      Consumer<Change> listener) {
    decimalFunction(handle);
    Run run = new Run(handle);
    try {
      for (int i = 0; i < files.size(); i++) {
        Parsed p = recognise(i, files.get(i), run.errors);
        if (p != null) {
          run.files.add(p);
        }
      }
      run.files.sort(Comparator.comparingInt(Parsed::rank));
      for (int fileNo = 0; fileNo < run.files.size(); fileNo++) {
        stageRows(run, fileNo);
      }
      run.staged.values().forEach(StagedTable::flush);
      for (StagedTable t : run.staged.values()) {
        checkReferences(run, t);
        checkListReferences(run, t);
        t.dropInvalid();
        checkDuplicates(run, t);
      }
      StagedTable regions = run.staged.get(CsvTable.REGIONS);
      if (regions != null) {
        checkRegionLevels(run, regions);
      }
      run.staged.values().forEach(StagedTable::decide);
      StagedTable observations = run.staged.get(CsvTable.OBSERVATIONS);
      if (observations != null) {
        checkHeadlines(run, observations);
      }
      if (!run.errors.isEmpty()) {
        return report(run, List.of(), null);
      }
      List<Change> changes = changes(run, listener);
      Long importId = who == null ? null : write(run, who, reason);
      return report(run, changes, importId);
    } finally {
      run.dropStages();
    }
  }

  /** Size, encoding and header: which table a file holds, or the reason it cannot be read. */
  private static Parsed recognise(int given, ImportFile file, ErrorList errors) {
    int rank = given;
    if (file.bytes().length == 0) {
      errors.add(rank, new DataError(file.name(), 1, 1, "file is empty"));
      return null;
    }
    if (file.bytes().length > MAX_FILE_BYTES) {
      errors.add(rank, new DataError(file.name(), 1, 1, "file is " + file.bytes().length
          + " bytes, over the limit of " + MAX_FILE_BYTES));
      return null;
    }
    ImportFile.Decoded decoded = file.decode();
    if (decoded.error() != null) {
      errors.add(rank, decoded.error());
      return null;
    }
    List<String> header;
    long records = 0;
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(decoded.text()))
        .setFormat(CSVFormat.RFC4180).get()) {
      var it = parser.iterator();
      if (!it.hasNext()) {
        errors.add(rank, new DataError(file.name(), 1, 1, "file is empty"));
        return null;
      }
      header = it.next().toList();
      // Counted before anything is staged, so an oversized file is refused as a whole.
      try {
        while (it.hasNext()) {
          it.next();
          records++;
        }
      } catch (UncheckedIOException | IllegalStateException e) {
        // Malformed quoting: reported with its line when the rows are read.
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      errors.add(rank, new DataError(file.name(), 1, 1, "header row is not valid CSV"));
      return null;
    }
    if (records > MAX_ROWS) {
      errors.add(rank, new DataError(file.name(), 1, 1, "file has " + records
          + " rows, over the limit of " + MAX_ROWS));
      return null;
    }
    CsvTable table = CsvTable.byHeader(header).orElseGet(() -> CsvTable.closestTo(header));
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      index.putIfAbsent(header.get(c), c);
    }
    return new Parsed(given, file, decoded.text(), table, index);
  }

  /** Reads a file's rows one at a time; stages those whose every cell is valid. */
  private static void stageRows(Run run, int fileNo) {
    Parsed p = run.files.get(fileNo);
    StagedTable stage = run.stage(p.table);
    p.table.stream(p.file.name(), new StringReader(p.text),
        row -> {
          List<DataError> cellErrors = Checks.check(p.table, row);
          cellErrors.forEach(e -> run.errors.add(p.rank(), e));
          // Staged even when invalid, so its references are checked too; dropped after that.
          stage.add(fileNo, row.line(), !cellErrors.isEmpty(),
              // An export's neutralising apostrophes come out again (SpreadsheetCells), so an
              // exported file imports as it was stored.
              p.table.columns().stream().map(row::get)
                  .map(org.aimonitor.store.SpreadsheetCells::restore).toList());
        },
        e -> run.errors.add(p.rank(), e));
  }

  /**
   * Each reference names a row in the database or in this import, in any file order; rows that
   * do not are reported and dropped from the import.
   */
  private static void checkReferences(Run run, StagedTable t) {
    for (Map.Entry<String, CsvTable> ref : references(t.table).entrySet()) {
      String column = ref.getKey();
      CsvTable target = ref.getValue();
      String key = target.key().get(0);
      StringBuilder missing = new StringBuilder("s." + column + " <> '' AND NOT EXISTS (SELECT 1 FROM "
          + target.sqlTable() + " r WHERE r." + target.sqlColumn(key) + " = s." + column + ")");
      StagedTable targetStage = run.staged.get(target);
      if (targetStage != null) {
        missing.append(" AND NOT EXISTS (SELECT 1 FROM ").append(targetStage.name).append(" r WHERE r.")
            .append(key).append(" = s.").append(column).append(")");
      }
      run.handle.createQuery("SELECT file_no, line, " + column + " FROM " + t.name + " s WHERE "
              + missing + " ORDER BY seq")
          .map((rs, ctx) -> new Object[] {rs.getInt(1), rs.getLong(2), rs.getString(3)})
          .forEach(r -> {
            Parsed p = run.files.get((Integer) r[0]);
            run.error(p, (Long) r[1], p.column(column), "unknown " + column + " \"" + r[2] + "\"");
          });
      run.handle.execute("UPDATE " + t.name + " AS s SET invalid = 1 WHERE " + missing);
    }
  }

  /** Columns that name several rows of another table, separated by spaces. */
  static Map<String, CsvTable> listReferences(CsvTable table) {
    return table == CsvTable.SCHEDULES
        ? Map.of("indicators", CsvTable.INDICATORS, "evidence", CsvTable.SOURCES) : Map.of();
  }

  /**
   * Each name in a list column names a row in the database or in this import. The tables with
   * such columns are small (a schedule per publication series), so each staged row is looked at.
   */
  private static void checkListReferences(Run run, StagedTable t) {
    for (Map.Entry<String, CsvTable> ref : listReferences(t.table).entrySet()) {
      String column = ref.getKey();
      CsvTable target = ref.getValue();
      String key = target.sqlColumn(target.key().get(0));
      StagedTable targetStage = run.staged.get(target);
      String exists = "SELECT EXISTS (SELECT 1 FROM " + target.sqlTable() + " WHERE " + key + " = :v)"
          + (targetStage == null ? "" : " OR EXISTS (SELECT 1 FROM " + targetStage.name + " WHERE "
              + target.key().get(0) + " = :v)");
      Map<String, Boolean> known = new java.util.HashMap<>();
      List<Long> invalid = new ArrayList<>();
      record Listed(long seq, int fileNo, long line, String value) {
      }
      List<Listed> rows = run.handle.createQuery("SELECT seq, file_no, line, " + column + " FROM "
              + t.name + " WHERE " + column + " <> '' ORDER BY seq")
          .map((rs, ctx) -> new Listed(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4)))
          .list();
      for (Listed row : rows) {
        for (String name : row.value().split(" ")) {
          boolean found = known.computeIfAbsent(name, n -> run.handle.createQuery(exists)
              .bind("v", n).mapTo(Boolean.class).one());
          if (!found) {
            Parsed p = run.files.get(row.fileNo());
            run.error(p, row.line(), p.column(column), "unknown " + target.sqlTable() + " \"" + name
                + "\" in " + column);
            invalid.add(row.seq());
          }
        }
      }
      for (Long seq : invalid) {
        run.handle.execute("UPDATE " + t.name + " SET invalid = 1 WHERE seq = ?", seq);
      }
    }
  }

  /** The columns of a table that name a row of another: its key. */
  static Map<String, CsvTable> references(CsvTable table) {
    return switch (table) {
      case REGIONS -> Map.of("parent", CsvTable.REGIONS);
      case ALIASES -> Map.of("region", CsvTable.REGIONS);
      case SOURCES -> Map.of("language", CsvTable.LANGUAGES);
      case INDICATORS -> Map.of("category", CsvTable.CATEGORIES, "unit", CsvTable.UNITS);
      case OBSERVATIONS -> Map.of("indicator", CsvTable.INDICATORS, "region", CsvTable.REGIONS,
          "source", CsvTable.SOURCES);
      case EVENTS -> Map.of("source", CsvTable.SOURCES);
      default -> Map.of();
    };
  }

  /**
   * After the import, every place is at a lower level than the place it is part of (the world,
   * countries, provinces, cities): so the places form a tree, and no chain of parents can come
   * back to where it started. Checked for staged places and for the places under them.
   */
  private static void checkRegionLevels(Run run, StagedTable t) {
    String rank = "CASE %s WHEN 'world' THEN 0 WHEN 'country' THEN 1 WHEN 'province' THEN 2 ELSE 3 END";
    run.handle.execute("DROP TABLE IF EXISTS temp.staged_places");
    run.handle.execute("""
        CREATE TEMP TABLE staged_places AS
        SELECT code, parent, level, file_no, line FROM %s
        UNION ALL
        SELECT r.code, r.parent, r.level, NULL, NULL FROM region r
        WHERE NOT EXISTS (SELECT 1 FROM %s s WHERE s.code = r.code)
        """.formatted(t.name, t.name));
    run.handle.createQuery("""
            SELECT c.code, c.level, c.file_no, c.line, p.code AS parent, p.level AS parent_level,
                   p.file_no AS parent_file, p.line AS parent_line
            FROM temp.staged_places c JOIN temp.staged_places p ON p.code = NULLIF(c.parent, '')
            WHERE (c.file_no IS NOT NULL OR p.file_no IS NOT NULL) AND %s >= %s
            ORDER BY c.code
            """.formatted(rank.formatted("p.level"), rank.formatted("c.level")))
        .map((rs, ctx) -> {
          int childFile = rs.getInt("file_no");
          boolean childStaged = !rs.wasNull();
          String problem = "parent \"" + rs.getString("parent") + "\" is a " + rs.getString("parent_level")
              + ": the place a " + rs.getString("level") + " is part of must be at a higher level"
              + " (world, country, province, city from the top)";
          if (childStaged) {
            Parsed p = run.files.get(childFile);
            run.error(p, rs.getLong("line"), p.column("parent"), problem);
          } else {
            Parsed p = run.files.get(rs.getInt("parent_file"));
            run.error(p, rs.getLong("parent_line"), p.column("level"), "level \""
                + rs.getString("parent_level") + "\" is not above " + rs.getString("code")
                + ", a " + rs.getString("level") + " whose parent it is");
          }
          return 0;
        })
        .list();
    run.handle.execute("DROP TABLE temp.staged_places");
  }

  /** A key may appear once per import: later rows with it are reported and dropped. */
  private static void checkDuplicates(Run run, StagedTable t) {
    String firstOf = "(SELECT %s FROM " + t.name + " f WHERE "
        + t.table.key().stream().map(k -> "f." + k + " = s." + k).collect(Collectors.joining(" AND "))
        + " ORDER BY f.seq LIMIT 1)";
    String sql = "SELECT * FROM (SELECT s.seq, s.file_no, s.line, " + firstOf.formatted("f.seq")
        + " AS first_seq, " + firstOf.formatted("f.line") + " AS first_line FROM " + t.name
        + " s) WHERE first_seq < seq ORDER BY seq";
    List<Long> duplicates = new ArrayList<>();
    String column = t.table.key().get(0);
    run.handle.createQuery(sql).map((rs, ctx) -> {
      duplicates.add(rs.getLong("seq"));
      Parsed p = run.files.get(rs.getInt("file_no"));
      run.error(p, rs.getLong("line"), p.column(column), "duplicate of the row on line "
          + rs.getLong("first_line") + " (same " + String.join(", ", t.table.key()) + ")");
      return 0;
    }).list();
    for (Long seq : duplicates) {
      run.handle.execute("DELETE FROM " + t.name + " WHERE seq = ?", seq);
    }
  }

  /**
   * After the import, each (indicator, region, period) may have one headline at most: the
   * staged rows count in place of the live rows they replace.
   */
  private static void checkHeadlines(Run run, StagedTable t) {
    Handle h = run.handle;
    h.execute("DROP TABLE IF EXISTS temp.staged_heads");
    // Live rows sort before new ones, in their stored order, as a reader of the data sees them.
    h.execute("""
        CREATE TEMP TABLE staged_heads AS
        SELECT s.indicator, s.region, s.period, s.source, s.file_no, s.line,
               coalesce((SELECT o.id FROM observation o WHERE %s), 1000000000000 + s.seq) AS ord
        FROM %s s WHERE s.headline = '1'
        UNION ALL
        SELECT o.indicator, o.region, o.period, o.source, NULL, NULL, o.id
        FROM (SELECT DISTINCT indicator, region, period FROM %s) g
        JOIN observation o ON o.indicator = g.indicator AND o.region = g.region
                          AND o.period = g.period AND o.headline = 1
        WHERE NOT EXISTS (SELECT 1 FROM %s s WHERE %s)
        """.formatted(t.sameKey(), t.name, t.name, t.name, t.sameKey()));
    /** A headline in a group with more than one; {@code fileNo} is null for a live row. */
    record Head(String group, String source, Integer fileNo, long line) {
    }
    Map<String, List<Head>> groups = new LinkedHashMap<>();
    h.createQuery("""
        SELECT h.indicator, h.region, h.period, h.source, h.file_no, h.line
        FROM temp.staged_heads h
        JOIN (SELECT indicator, region, period FROM temp.staged_heads
              GROUP BY indicator, region, period HAVING count(*) > 1) b
          ON b.indicator = h.indicator AND b.region = h.region AND b.period = h.period
        ORDER BY h.indicator, h.region, h.period, h.ord
        """)
        .map((rs, ctx) -> {
          int fileNo = rs.getInt("file_no");
          Integer staged = rs.wasNull() ? null : fileNo;
          return new Head(rs.getString("indicator") + " " + rs.getString("region") + " "
              + rs.getString("period"), rs.getString("source"), staged, rs.getLong("line"));
        })
        .forEach(head -> groups.computeIfAbsent(head.group(), g -> new ArrayList<>()).add(head));
    h.execute("DROP TABLE temp.staged_heads");
    groups.forEach((group, heads) -> {
      for (Head head : heads) {
        if (head.fileNo() != null) {
          Parsed p = run.files.get(head.fileNo());
          String others = heads.stream().filter(o -> o != head).map(Head::source)
              .collect(Collectors.joining(", "));
          run.error(p, head.line(), p.column("headline"),
              "second headline for " + group + " (also headline: source " + others + ")");
        }
      }
    });
  }

  /**
   * Every added or changed row, in the order applied, with "column: old → new" for changes:
   * each goes to {@code listener}; the report keeps the first {@link #MAX_CHANGES_LISTED}.
   */
  private static List<Change> changes(Run run, Consumer<Change> listener) {
    List<Change> listed = new ArrayList<>();
    // Tables in dependency order, rows in the order they were read: the order they are applied.
    for (StagedTable t : run.staged.values()) {
      List<String> columns = t.table.columns();
      String old = columns.stream().map(c -> "CASE WHEN o.rowid IS NULL THEN NULL ELSE "
          + t.asText(c) + " END AS old_" + c).collect(Collectors.joining(", "));
      run.handle.createQuery("SELECT s.*, " + old + " FROM " + t.name + " s LEFT JOIN " + t.live()
              + " ON " + t.sameKey() + " WHERE s.kind <> 'unchanged' ORDER BY s.seq")
          .map((rs, ctx) -> {
            Map<String, String> now = new LinkedHashMap<>();
            Map<String, String> before = null;
            for (String c : columns) {
              now.put(c, rs.getString(c));
              String o = rs.getString("old_" + c);
              if (o != null) {
                before = before == null ? new LinkedHashMap<>() : before;
                before.put(c, o);
              }
            }
            Parsed file = run.files.get(rs.getInt("file_no"));
            return new Change(file.file.name(), rs.getLong("line"), t.table.sqlTable(),
                rs.getString("kind"), t.table.key().stream().map(now::get).collect(Collectors.joining("/")),
                diff(t, before, now));
          })
          .forEach(change -> {
            listener.accept(change);
            if (listed.size() < MAX_CHANGES_LISTED) {
              listed.add(change);
            }
          });
    }
    return listed;
  }

  /** "column: old → new" for each column that differs; empty for a new row. */
  private static List<String> diff(StagedTable t, Map<String, String> stored, Map<String, String> imported) {
    List<String> fields = new ArrayList<>();
    if (stored == null) {
      return fields;
    }
    for (String c : t.table.columns()) {
      String a = stored.get(c);
      String b = imported.get(c);
      boolean equal = t.isDecimal(c) ? new BigDecimal(a).compareTo(new BigDecimal(b)) == 0 : a.equals(b);
      if (!equal) {
        fields.add(c + ": " + (a.isEmpty() ? "(empty)" : a) + " → " + (b.isEmpty() ? "(empty)" : b));
      }
    }
    return fields;
  }

  /** Logs the import, keeps revisions, and writes the staged rows, tables in dependency order. */
  private static long write(Run run, String who, String reason) {
    String now = Instant.now().toString();
    Totals totals = totals(run);
    long importId = ImportLog.on(run.handle).insert(now, who, reason, Json.write(totals.files()),
        totals.added(), totals.changed(), totals.unchanged());
    for (StagedTable t : run.staged.values()) {
      t.keepRevisions(now, importId);
      if (t.table == CsvTable.OBSERVATIONS) {
        // Headlines that go first, so no group ever holds two while the rows are replaced.
        t.applyChanges("s.headline = '0'", now, importId);
        t.applyChanges("s.headline = '1'", now, importId);
      } else {
        t.applyChanges("1 = 1", now, importId);
      }
      t.insertAdded(now, importId);
    }
    StagedTable schedules = run.staged.get(CsvTable.SCHEDULES);
    if (schedules != null) {
      linkSchedules(run.handle, schedules);
    }
    index(run);
    // Worked out once here, so pages read them instead of scanning the data.
    DownloadSizes.record(run.handle);
    Freshness.record(run.handle);
    return importId;
  }

  /**
   * Indexes for search what the import added or changed, in its transaction: an indicator when
   * it or its category changed, a place when it or one of its short forms did, sources, events.
   */
  private static void index(Run run) {
    Handle h = run.handle;
    String changed = " WHERE kind <> 'unchanged'";
    for (StagedTable t : run.staged.values()) {
      switch (t.table) {
        case INDICATORS -> SearchIndex.mark(h, SearchIndex.INDICATOR, "SELECT code FROM " + t.name + changed);
        case CATEGORIES -> SearchIndex.mark(h, SearchIndex.INDICATOR, "SELECT code FROM indicator"
            + " WHERE category IN (SELECT category FROM " + t.name + changed + ")");
        case REGIONS -> SearchIndex.mark(h, SearchIndex.PLACE, "SELECT code FROM " + t.name + changed);
        case ALIASES -> SearchIndex.mark(h, SearchIndex.PLACE, "SELECT region FROM " + t.name + changed);
        case SOURCES -> SearchIndex.mark(h, SearchIndex.SOURCE, "SELECT id FROM " + t.name + changed);
        case EVENTS -> SearchIndex.mark(h, SearchIndex.EVENT, "SELECT o.id FROM event o JOIN " + t.name
            + " s ON " + t.sameKey() + " WHERE s.kind <> 'unchanged'");
        default -> {
          // Figures are found through their indicator and place; the rest is not searched.
        }
      }
    }
    SearchIndex.update(h);
  }

  /** The series each staged schedule feeds, as rows of schedule_indicator (its list, split). */
  private static void linkSchedules(Handle h, StagedTable t) {
    h.execute("DELETE FROM schedule_indicator WHERE series IN (SELECT series FROM " + t.name
        + " WHERE kind <> 'unchanged')");
    var insert = h.prepareBatch("INSERT OR IGNORE INTO schedule_indicator (indicator, series) VALUES (?, ?)");
    h.createQuery("SELECT series, indicators FROM " + t.name + " WHERE kind <> 'unchanged'")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .forEach(e -> {
          for (String indicator : e.getValue().split(" ")) {
            insert.bind(0, indicator).bind(1, e.getKey()).add();
          }
        });
    if (insert.size() > 0) {
      insert.execute();
    }
  }

  private record Totals(List<FileSummary> files, int added, int changed, int unchanged) {
  }

  /** Counts per file and in all, from the staged decisions. */
  private static Totals totals(Run run) {
    List<FileSummary> summaries = new ArrayList<>();
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    for (int fileNo = 0; fileNo < run.files.size(); fileNo++) {
      Parsed p = run.files.get(fileNo);
      StagedTable t = run.staged.get(p.table);
      Map<String, Integer> counts = new LinkedHashMap<>();
      run.handle.createQuery("SELECT kind, count(*) FROM " + t.name + " WHERE file_no = :f GROUP BY kind")
          .bind("f", fileNo)
          .map((rs, ctx) -> Map.entry(String.valueOf(rs.getString(1)), rs.getInt(2)))
          .forEach(e -> counts.put(e.getKey(), e.getValue()));
      int rows = counts.values().stream().mapToInt(Integer::intValue).sum();
      if (rows == 0) {
        continue;
      }
      int a = counts.getOrDefault("added", 0);
      int c = counts.getOrDefault("changed", 0);
      int u = counts.getOrDefault("unchanged", 0);
      summaries.add(new FileSummary(p.file.name(), p.file.sha256(), p.table.fileName(), rows, a, c, u));
      added += a;
      changed += c;
      unchanged += u;
    }
    return new Totals(summaries, added, changed, unchanged);
  }

  private static ImportReport report(Run run, List<Change> changes, Long importId) {
    Totals totals = totals(run);
    return new ImportReport(totals.files(), totals.added(), totals.changed(), totals.unchanged(),
        changes, run.errors.list(), importId);
  }

  /**
   * {@code aim_decimal(text)}: a decimal in one canonical spelling ("508.0" and "508" are
   * "508"), so SQL can tell an unchanged value from a changed one exactly, as BigDecimal does.
   */
  private static void decimalFunction(Handle handle) {
    Connection connection = handle.getConnection();
    try {
      Function.create(connection, "aim_decimal", new Function() {
        @Override
        protected void xFunc() throws SQLException {
          String text = value_text(0);
          result(text == null ? null : canonical(text));
        }
      }, 1, Function.FLAG_DETERMINISTIC);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot register aim_decimal", e);
    }
  }

  static String canonical(String decimal) {
    try {
      BigDecimal d = new BigDecimal(decimal);
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return decimal;
    }
  }
}
