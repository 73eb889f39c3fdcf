package org.aimonitor.admin;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.aimonitor.admin.AdminViews.UploadProblem;
import org.aimonitor.admin.AdminViews.UploadResult;
import org.aimonitor.config.Settings;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.ImportReason;
import org.aimonitor.importer.ImportReport;
import org.aimonitor.importer.Importer;
import org.aimonitor.json.Json;
import org.aimonitor.store.DataError;
import org.aimonitor.store.DataException;
import org.aimonitor.store.StorageFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff API for scripts: {@code POST /admin/import} with the admin token as a Bearer header
 * (checked by {@link AdminAccess} before this runs). Every answer, refusals included, is JSON:
 * {@link UploadResult} or {@link UploadProblem}.
 */
public final class AdminApi {

  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

  private final Importer importer;
  private final String label;

  public AdminApi(Settings settings, Importer importer) {
    this.importer = importer;
    this.label = settings.adminLabel();
  }

  /**
   * {@code POST /admin/import}: applies the body (one CSV as {@code text/csv}, or several files
   * as {@code multipart/form-data}) and answers JSON; {@code ?dry_run=true} only reports.
   */
  public void upload(Context ctx) {
    String dryRunParam = ctx.queryParam("dry_run");
    if (dryRunParam != null && !dryRunParam.equals("true") && !dryRunParam.equals("false")) {
      problem(ctx, 400, "dry_run must be true or false, not \"" + dryRunParam + "\".", List.of());
      return;
    }
    boolean dryRun = "true".equals(dryRunParam);
    String reason;
    try {
      reason = ImportReason.of(ctx.queryParam("reason"));
    } catch (IllegalArgumentException e) {
      problem(ctx, 400, "reason: " + e.getMessage() + ".", List.of());
      return;
    }
    String type = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
    List<ImportFile> files;
    try {
      if (type.startsWith("text/csv")) {
        files = List.of(Uploads.body(ctx, ctx.queryParam("name")));
      } else if (ctx.isMultipartFormData()) {
        files = Uploads.multipart(ctx);
      } else {
        problem(ctx, 415, "Send one CSV file as Content-Type: text/csv, or several as "
            + "multipart/form-data.", List.of());
        return;
      }
    } catch (Uploads.TooLarge e) {
      problem(ctx, 413, e.getMessage(), List.of());
      return;
    } catch (Uploads.BadUpload e) {
      problem(ctx, 400, e.getMessage(), List.of());
      return;
    }
    if (files.isEmpty()) {
      problem(ctx, 400, "The request holds no file.", List.of());
      return;
    }
    try {
      answerUpload(ctx, files, dryRun, reason);
    } catch (RuntimeException e) {
      StorageFailure failure = StorageFailure.of(e).orElseThrow(() -> e);
      LOG.warn("Import by {} (API) not written: {}", label, failure.sentence());
      problem(ctx, AdminPages.statusOf(failure), "Nothing was imported: " + failure.sentence()
          + ". The database is unchanged; send the files again once the problem is fixed.", List.of());
    }
  }

  private void answerUpload(Context ctx, List<ImportFile> files, boolean dryRun, String reason) {
    ImportReport report;
    if (dryRun) {
      report = importer.dryRun(files);
      if (!report.valid()) {
        problem(ctx, 422, "The files are invalid (" + errorCount(report.errors())
            + "); nothing would be imported.", report.errors());
        return;
      }
    } else {
      String who = label + " (API)";
      try {
        report = importer.apply(files, who, reason, change -> { });
      } catch (DataException e) {
        problem(ctx, 422, "Nothing was imported: the files are invalid ("
            + errorCount(e.errors()) + ").", e.errors());
        return;
      }
      AdminPages.logApplied(report, who);
    }
    Json.respond(ctx, UploadResult.of(report));
  }

  /** The API's one error shape: the status, a sentence, and every located error. */
  static void problem(Context ctx, int status, String message, List<DataError> errors) {
    ctx.status(status);
    Json.respond(ctx, new UploadProblem(status, message, errors));
  }

  private static String errorCount(List<DataError> errors) {
    return errors.size() == 1 ? "1 error" : errors.size() + " errors";
  }
}
