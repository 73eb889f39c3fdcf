package org.aimonitor.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.aimonitor.i18n.Messages;
import org.aimonitor.i18n.Text;
import org.aimonitor.importer.ImportReason;
import org.aimonitor.importer.ImportReport;
import org.aimonitor.store.DataError;
import org.aimonitor.store.ImportLog;

/**
 * The view models of the admin pages, in the page's language, and the JSON documents of the
 * upload endpoint (in English, as the API is).
 */
public final class AdminViews {

  /** Changes listed on a preview or result page; the counts above the list stay complete. */
  static final int MAX_CHANGES_SHOWN = 500;
  /** Imports listed on the log page. */
  static final int MAX_LOG_ENTRIES = 500;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private AdminViews() {
  }

  /**
   * The sign-in form; {@code message} explains why it is shown again (null the first time),
   * {@code hours} is how long a session lasts.
   */
  public record LoginView(String message, long hours) {
    static LoginView of(String message) {
      return new LoginView(message, AdminSessions.SESSION_LIFETIME.toHours());
    }
  }

  /** The upload form. {@code csrf} goes into every form of the page; {@code limit} in words. */
  public record UploadView(String csrf, String limit) {
  }

  /**
   * One file of an import, with what it was recognised as ({@code kind}: sources, indicators,
   * observations or events, in words) and its SHA-256, shortened for the table and in full on demand.
   */
  public record FileRow(String name, String kind, int rows, int added, int changed, int unchanged,
      String sha256, String shortSha) {
    static FileRow of(ImportReport.FileSummary f, Text t) {
      return new FileRow(f.name(), kindOf(f.table(), t), f.rows(), f.added(), f.changed(),
          f.unchanged(), f.sha256(), AdminViews.shortSha(f.sha256()));
    }
  }

  /**
   * An added or changed row: where it is in the upload, {@code kind} ({@code added} or
   * {@code changed}) and in words, its table in words, its key and, when changed,
   * "column: old → new" (column names and values as in the CSV files).
   */
  public record ChangeRow(String where, String kind, String kindLabel, String table, String key,
      List<String> fields) {
    static ChangeRow of(ImportReport.Change c, Text t) {
      return new ChangeRow(c.file() + ":" + c.line(), c.kind(),
          word(t, "admin.change." + c.kind(), c.kind()), word(t, "admin.row." + c.table(), c.table()),
          c.key(), c.fields());
    }
  }

  /**
   * A located error: {@code where} is FILE:LINE:COLUMN (FILE alone for a note on the whole file).
   * The message is the importer's, in English (the command line shares it).
   */
  public record ErrorRow(String where, String message) {
    static ErrorRow of(DataError e) {
      return new ErrorRow(e.where(),
          e.message());
    }
  }

  /**
   * A dry run, an applied import or a refused one. {@code stage} is {@code preview},
   * {@code applied} or {@code rejected}; {@code previewId} is set on a preview that can be
   * confirmed; {@code errorCount} is "1 error" or "N errors" in the page's language;
   * {@code previewMinutes} is how long a preview is kept.
   */
  public record ReportView(String csrf, String stage, String previewId, Long importId, int added,
      int changed, int unchanged, List<FileRow> files, List<ChangeRow> changes, int changesNotShown,
      List<ErrorRow> errors, String errorCount, long previewMinutes, int reasonLimit,
      String failure) {

    /** This report with {@code failure} shown above it: why confirming it did not import. */
    ReportView failed(String failure) {
      return new ReportView(csrf, stage, previewId, importId, added, changed, unchanged, files,
          changes, changesNotShown, errors, errorCount, previewMinutes, reasonLimit, failure);
    }

    static ReportView of(String csrf, String stage, String previewId, ImportReport report, Text t) {
      List<ImportReport.Change> all = report.changes();
      return new ReportView(csrf, stage, previewId, report.importId(), report.added(),
          report.changed(), report.unchanged(),
          report.files().stream().map(f -> FileRow.of(f, t)).toList(),
          all.stream().limit(MAX_CHANGES_SHOWN).map(c -> ChangeRow.of(c, t)).toList(),
          // The report lists the first changes only; the counts cover them all.
          Math.max(0, report.added() + report.changed() - Math.min(all.size(), MAX_CHANGES_SHOWN)),
          List.of(), AdminViews.errorCount(0, t),
          AdminSessions.PREVIEW_LIFETIME.toMinutes(), ImportReason.MAX_LENGTH, null);
    }

    static ReportView rejected(String csrf, List<DataError> errors, Text t) {
      return new ReportView(csrf, "rejected", null, null, 0, 0, 0, List.of(), List.of(), 0,
          errors.stream().map(ErrorRow::of).toList(), AdminViews.errorCount(errors.size(), t),
          AdminSessions.PREVIEW_LIFETIME.toMinutes(), ImportReason.MAX_LENGTH, null);
    }
  }

  /** A file of an import on the log page: "observations, 145 rows" in the page's language. */
  public record LogFile(String name, String sha256, String shortSha, String description) {
    static LogFile of(ImportLog.LoggedFile f, Text t) {
      String kind = kindOf(f.table(), t);
      String description = f.rows() == null ? kind
          : kind + t.t("list.separator") + count(f.rows(), "admin.rows", t);
      return new LogFile(f.name(), f.sha256(), AdminViews.shortSha(f.sha256()), description);
    }
  }

  /** One import of the log page; {@code when} in the page's language, {@code whenIso} for machines. */
  public record LogRow(long id, String when, String whenIso, String who, String whoLang, String reason,
      List<LogFile> files, int added, int changed, int unchanged) {

    static LogRow of(ImportLog.Entry e, Text t) {
      String when;
      String whenIso;
      try {
        Instant at = Instant.parse(e.importedAt());
        // The staff's tables keep ISO dates in English; Chinese writes "2026年3月5日".
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        when = t.t("admin.log.when", (t.zh() ? t.date(day) : day.toString()) + " " + TIME.format(at));
        // HTML's datetime takes at most three digits of a second; the log stores nanoseconds.
        whenIso = at.truncatedTo(ChronoUnit.MILLIS).toString();
      } catch (DateTimeParseException ex) {
        when = e.importedAt();
        whenIso = null;
      }
      return new LogRow(e.id(), when, whenIso, t.who(e.who()), t.whoLang(e.who()), e.reason(),
          e.loggedFiles().stream().map(f -> LogFile.of(f, t)).toList(), e.added(),
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

  /** "1 error", "3 errors"; "1个错误", "3个错误". */
  static String errorCount(int n, Text t) {
    return count(n, "admin.errors", t);
  }

  /** A count with its noun from {@code key}{@code .one} or {@code key}{@code .many}. */
  static String count(int n, String key, Text t) {
    return n == 1 ? t.t(key + ".one") : t.t(key + ".many", t.number(java.math.BigDecimal.valueOf(n), 0));
  }

  /** What a file was recognised as, from its table's file name ("observations.csv"), in words. */
  static String kindOf(String table, Text t) {
    if (table == null) {
      return "";
    }
    String name = table.replaceFirst("\\.csv$", "");
    return word(t, "admin.table." + name, name);
  }

  /** The message {@code key}, or {@code fallback} when the bundles have no such word. */
  private static String word(Text t, String key, String fallback) {
    return Messages.has(t.lang(), key) ? t.t(key) : fallback;
  }

  static String shortSha(String sha256) {
    return sha256 == null || sha256.length() <= 12 ? sha256 : sha256.substring(0, 12) + "…";
  }

}
