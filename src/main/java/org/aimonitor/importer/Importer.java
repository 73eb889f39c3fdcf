package org.aimonitor.importer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aimonitor.importer.ImportReport.Change;
import org.aimonitor.importer.ImportReport.FileSummary;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataError;
import org.aimonitor.store.DataException;
import org.aimonitor.store.Database;
import org.aimonitor.web.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Handle;

/**
 * Validates and applies CSV files in the seed format. All files of one call are one transaction:
 * either every row is stored or, on any error, nothing is. Rows are matched on their key;
 * unchanged rows are no-ops, changed rows keep their previous state as a revision.
 */
public final class Importer {

  /** Largest file accepted (the web upload limit matches it). */
  public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
  /** Most data rows accepted in one file. */
  public static final int MAX_ROWS = 50_000;
  /** Errors reported before validation stops listing more. */
  public static final int MAX_ERRORS = 100;

  private final Database db;

  public Importer(Database db) {
    this.db = db;
  }

  /** Validates and reports what the files would change, writing nothing. */
  public ImportReport dryRun(List<ImportFile> files) {
    return db.jdbi().inTransaction(handle -> plan(handle, files).report(null));
  }

  /**
   * Applies the files in one transaction and logs the import; throws {@link DataException} with
   * every error found when any file is invalid, leaving the database exactly as it was.
   */
  public ImportReport apply(List<ImportFile> files, String who) {
    return db.writer().inTransaction(handle -> applyIn(handle, files, who));
  }

  /** {@link #apply} inside a transaction the caller holds (the seeder checks emptiness in it). */
  public static ImportReport applyIn(Handle handle, List<ImportFile> files, String who) {
    Plan plan = plan(handle, files);
    if (!plan.errors.isEmpty()) {
      throw new DataException(plan.errors);
    }
    return plan.report(plan.write(handle, who));
  }

  private static Plan plan(Handle handle, List<ImportFile> files) {
    Plan plan = new Plan();
    List<Parsed> parsed = new ArrayList<>();
    for (ImportFile file : files) {
      Parsed p = parse(file, plan.errors);
      if (p != null) {
        parsed.add(p);
      }
    }
    // References point up the table order, so sources and indicators are known before the
    // observations and events that cite them, whatever order the files were given in.
    parsed.sort(Comparator.comparing(p -> p.table));
    Known known = Known.load(handle);
    parsed.forEach(p -> known.add(p.table, p.rows));
    for (Parsed p : parsed) {
      plan.compare(handle, p, known);
    }
    plan.checkHeadlines(handle);
    if (plan.errors.size() > MAX_ERRORS) {
      List<DataError> capped = new ArrayList<>(plan.errors.subList(0, MAX_ERRORS));
      capped.add(new DataError(capped.get(MAX_ERRORS - 1).file(), 0, 0,
          "more errors not listed (" + (plan.errors.size() - MAX_ERRORS) + " more)"));
      plan.errors.clear();
      plan.errors.addAll(capped);
    }
    return plan;
  }

  /** A file read and recognised by its header, with its rows. */
  private record Parsed(ImportFile file, CsvTable table, List<CsvTable.Row> rows) {
  }

  private static Parsed parse(ImportFile file, List<DataError> errors) {
    if (file.bytes().length == 0) {
      errors.add(new DataError(file.name(), 1, 1, "file is empty"));
      return null;
    }
    if (file.bytes().length > MAX_FILE_BYTES) {
      errors.add(new DataError(file.name(), 1, 1, "file is " + file.bytes().length
          + " bytes, over the limit of " + MAX_FILE_BYTES));
      return null;
    }
    ImportFile.Decoded decoded = file.decode();
    if (decoded.error() != null) {
      errors.add(decoded.error());
      return null;
    }
    List<String> header;
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(decoded.text()))
        .setFormat(CSVFormat.RFC4180).get()) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        errors.add(new DataError(file.name(), 1, 1, "file is empty"));
        return null;
      }
      header = records.next().toList();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      errors.add(new DataError(file.name(), 1, 1, "header row is not valid CSV"));
      return null;
    }
    CsvTable table = CsvTable.byHeader(header).orElseGet(() -> CsvTable.closestTo(header));
    try {
      List<CsvTable.Row> rows = table.read(file.name(), new StringReader(decoded.text()));
      if (rows.size() > MAX_ROWS) {
        errors.add(new DataError(file.name(), 1, 1, "file has " + rows.size()
            + " rows, over the limit of " + MAX_ROWS));
        return null;
      }
      return new Parsed(file, table, rows);
    } catch (DataException e) {
      errors.addAll(e.errors());
      return null;
    }
  }

  /** Ids that rows may refer to: in the database, or added earlier in this import. */
  record Known(Set<String> sources, Set<String> indicators) {

    static Known load(Handle handle) {
      return new Known(
          new HashSet<>(handle.createQuery("SELECT id FROM source").mapTo(String.class).list()),
          new HashSet<>(handle.createQuery("SELECT code FROM indicator").mapTo(String.class).list()));
    }

    void add(CsvTable table, List<CsvTable.Row> rows) {
      if (table == CsvTable.SOURCES) {
        rows.forEach(r -> sources.add(r.get("id")));
      } else if (table == CsvTable.INDICATORS) {
        rows.forEach(r -> indicators.add(r.get("code")));
      }
    }
  }

  /** A validated row with its decision: add, change or leave alone. */
  private record Decision(Parsed file, CsvTable.Row row, Map<String, String> values,
      Map<String, String> current, String kind) {
  }

  /** The import being prepared: decisions and errors so far. */
  private static final class Plan {
    final List<DataError> errors = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    final Map<String, Integer> firstLine = new HashMap<>();

    void compare(Handle handle, Parsed p, Known known) {
      Map<String, Map<String, String>> current = Rows.current(handle, p.table);
      for (CsvTable.Row row : p.rows) {
        List<DataError> rowErrors = Checks.check(p.table, row, known);
        if (!rowErrors.isEmpty()) {
          errors.addAll(rowErrors);
          continue;
        }
        Map<String, String> values = Rows.values(p.table, row);
        String key = p.table.name() + Rows.key(p.table, values);
        Integer earlier = firstLine.putIfAbsent(key, (int) row.line());
        if (earlier != null) {
          errors.add(row.error(p.table.key().get(0), "duplicate of the row on line " + earlier
              + " (same " + String.join(", ", p.table.key()) + ")"));
          continue;
        }
        Map<String, String> existing = current.get(Rows.key(p.table, values));
        String kind = existing == null ? "added"
            : Rows.same(p.table, existing, values) ? "unchanged" : "changed";
        decisions.add(new Decision(p, row, values, existing, kind));
      }
    }

    /** After the import, each (indicator, region, period) may have one headline at most. */
    void checkHeadlines(Handle handle) {
      Map<String, Map<String, String>> observations = new LinkedHashMap<>(
          Rows.current(handle, CsvTable.OBSERVATIONS));
      Map<String, Decision> imported = new HashMap<>();
      for (Decision d : decisions) {
        if (d.file.table == CsvTable.OBSERVATIONS) {
          String key = Rows.key(CsvTable.OBSERVATIONS, d.values);
          observations.put(key, d.values);
          imported.put(key, d);
        }
      }
      Map<String, List<String>> headlines = new LinkedHashMap<>();
      observations.forEach((key, v) -> {
        if ("1".equals(v.get("headline"))) {
          headlines.computeIfAbsent(v.get("indicator") + " " + v.get("region") + " " + v.get("period"),
              g -> new ArrayList<>()).add(key);
        }
      });
      headlines.forEach((group, keys) -> {
        if (keys.size() > 1) {
          for (String key : keys) {
            Decision d = imported.get(key);
            if (d != null) {
              String others = keys.stream().filter(k -> !k.equals(key))
                  .map(k -> observations.get(k).get("source")).collect(Collectors.joining(", "));
              errors.add(d.row.error("headline", "second headline for " + group
                  + " (also headline: source " + others + ")"));
            }
          }
        }
      });
    }

    long write(Handle handle, String who) {
      String now = Instant.now().toString();
      long importId = handle.createUpdate("""
          INSERT INTO import_log (imported_at, who, files, added, changed, unchanged)
          VALUES (:at, :who, :files, :added, :changed, :unchanged)
          """)
          .bind("at", now).bind("who", who).bind("files", Json.write(fileSummaries()))
          .bind("added", count("added")).bind("changed", count("changed"))
          .bind("unchanged", count("unchanged"))
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      for (Decision d : decisions) {
        switch (d.kind) {
          case "added" -> Rows.insert(handle, d.file.table, d.values, now, importId);
          case "changed" -> Rows.update(handle, d.file.table, d.current, d.values, now, importId);
          default -> { }
        }
      }
      return importId;
    }

    int count(String kind) {
      return (int) decisions.stream().filter(d -> d.kind.equals(kind)).count();
    }

    List<FileSummary> fileSummaries() {
      Map<ImportFile, List<Decision>> byFile = new LinkedHashMap<>();
      decisions.forEach(d -> byFile.computeIfAbsent(d.file.file, f -> new ArrayList<>()).add(d));
      return byFile.entrySet().stream().map(e -> new FileSummary(e.getKey().name(),
          e.getKey().sha256(), e.getValue().get(0).file.table.fileName(), e.getValue().size(),
          (int) e.getValue().stream().filter(d -> d.kind.equals("added")).count(),
          (int) e.getValue().stream().filter(d -> d.kind.equals("changed")).count(),
          (int) e.getValue().stream().filter(d -> d.kind.equals("unchanged")).count())).toList();
    }

    ImportReport report(Long importId) {
      List<Change> changes = decisions.stream().filter(d -> !d.kind.equals("unchanged"))
          .map(d -> new Change(d.file.file.name(), d.row.line(), d.file.table.sqlTable(), d.kind,
              Rows.key(d.file.table, d.values), Rows.diff(d.file.table, d.current, d.values)))
          .toList();
      return new ImportReport(fileSummaries(), count("added"), count("changed"), count("unchanged"),
          changes, List.copyOf(errors), importId);
    }
  }
}
