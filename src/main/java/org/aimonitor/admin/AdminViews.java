package org.aimonitor.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.aimonitor.importer.ImportReport;
import org.aimonitor.store.DataError;
import org.aimonitor.web.Json;

/** The view models of the admin pages and the JSON documents of the upload endpoint. */
public final class AdminViews {

  /** Changes listed on a preview or result page; the counts above the list stay complete. */
  static final int MAX_CHANGES_SHOWN = 500;
  /** Imports listed on the log page. */
  static final int MAX_LOG_ENTRIES = 500;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final ObjectReader LOGGED_FILES = Json.MAPPER
      .readerForListOf(LoggedFile.class)
      .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private AdminViews() {
  }

  /** The sign-in form; {@code message} explains why it is shown again (null the first time). */
  public record LoginView(String message) {
  }

  /** The upload form. {@code csrf} goes into every form of the page. */
  public record UploadView(String csrf, String limit) {
  }

  /**
   * One file of an import, with what it was recognised as ({@code kind}: sources, indicators,
   * observations or events) and its SHA-256, shortened for the table and in full on demand.
   */
  public record FileRow(String name, String kind, int rows, int added, int changed, int unchanged,
      String sha256, String shortSha) {
    static FileRow of(ImportReport.FileSummary f) {
      return new FileRow(f.name(), formatOf(f.table()), f.rows(), f.added(), f.changed(), f.unchanged(),
          f.sha256(), AdminViews.shortSha(f.sha256()));
    }
  }

  /** An added or changed row: where it is in the upload and, when changed, "column: old → new". */
  public record ChangeRow(String where, String kind, String table, String key, List<String> fields) {
    static ChangeRow of(ImportReport.Change c) {
      return new ChangeRow(c.file() + ":" + c.line(), c.kind(), c.table(), c.key(), c.fields());
    }
  }

  /** A located error: {@code where} is FILE:LINE:COLUMN (FILE alone for a note on the whole file). */
  public record ErrorRow(String where, String message) {
    static ErrorRow of(DataError e) {
      return new ErrorRow(e.line() > 0 ? e.file() + ":" + e.line() + ":" + e.column() : e.file(),
          e.message());
    }
  }

  /**
   * A dry run, an applied import or a refused one. {@code stage} is {@code preview},
   * {@code applied} or {@code rejected}; {@code previewId} is set on a preview that can be confirmed.
   */
  public record ReportView(String csrf, String stage, String previewId, Long importId, int added,
      int changed, int unchanged, List<FileRow> files, List<ChangeRow> changes, int changesNotShown,
      List<ErrorRow> errors) {

    static ReportView of(String csrf, String stage, String previewId, ImportReport report) {
      List<ImportReport.Change> all = report.changes();
      return new ReportView(csrf, stage, previewId, report.importId(), report.added(),
          report.changed(), report.unchanged(), report.files().stream().map(FileRow::of).toList(),
          all.stream().limit(MAX_CHANGES_SHOWN).map(ChangeRow::of).toList(),
          Math.max(0, all.size() - MAX_CHANGES_SHOWN), List.of());
    }

    static ReportView rejected(String csrf, List<DataError> errors) {
      return new ReportView(csrf, "rejected", null, null, 0, 0, 0, List.of(), List.of(), 0,
          errors.stream().map(ErrorRow::of).toList());
    }

    /** "1 error" or "N errors". */
    public String errorCount() {
      return plural(errors.size(), "error");
    }
  }

  /** A file as the import log recorded it. */
  public record LoggedFile(String name, String sha256, String table, Integer rows) {
    public String shortSha() {
      return AdminViews.shortSha(sha256);
    }

    /** "observations, 145 rows". */
    public String description() {
      return rows == null ? formatOf(table) : formatOf(table) + ", " + plural(rows, "row");
    }
  }

  /** One import of the log page. */
  public record LogRow(long id, String when, String whenIso, String who, List<LoggedFile> files,
      int added, int changed, int unchanged) {

    static LogRow of(ImportLog.Entry e) {
      String when;
      String whenIso;
      try {
        Instant at = Instant.parse(e.importedAt());
        when = WHEN.format(at);
        // HTML's datetime takes at most three digits of a second; the log stores nanoseconds.
        whenIso = at.truncatedTo(ChronoUnit.MILLIS).toString();
      } catch (DateTimeParseException ex) {
        when = e.importedAt();
        whenIso = null;
      }
      return new LogRow(e.id(), when, whenIso, e.who(), loggedFiles(e.files()), e.added(),
          e.changed(), e.unchanged());
    }
  }

  /** The import log page; {@code csrf} is null when the request came with a Bearer token. */
  public record LogView(String csrf, List<LogRow> entries, int total) {
  }

  /** The answer to an upload with a Bearer token. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record UploadResult(Long importId, boolean dryRun, int added, int changed, int unchanged,
      List<ImportReport.FileSummary> files, List<ImportReport.Change> changes) {
    static UploadResult of(ImportReport report) {
      return new UploadResult(report.importId(), !report.applied(), report.added(),
          report.changed(), report.unchanged(), report.files(), report.changes());
    }
  }

  /** A refused upload: the message and, for invalid files, every located error. */
  public record UploadProblem(int status, String message, List<DataError> errors) {
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The import log and reports name the format by its file name ("observations.csv"). */
  static String formatOf(String table) {
    return table == null ? "" : table.replaceFirst("\\.csv$", "");
  }

  static String shortSha(String sha256) {
    return sha256 == null || sha256.length() <= 12 ? sha256 : sha256.substring(0, 12) + "…";
  }

  private static List<LoggedFile> loggedFiles(String json) {
    try {
      return LOGGED_FILES.readValue(json);
    } catch (IOException e) {
      // The log is written by the importer only; an unreadable entry still shows its counts.
      return List.of();
    }
  }
}
