package org.aimonitor.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.List;
import org.aimonitor.admin.AdminSessions.Session;
import org.aimonitor.admin.AdminViews.LogRow;
import org.aimonitor.admin.AdminViews.LogView;
import org.aimonitor.admin.AdminViews.ReportView;
import org.aimonitor.admin.AdminViews.UploadView;
import org.aimonitor.config.Settings;
import org.aimonitor.i18n.Text;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.ImportReason;
import org.aimonitor.importer.ImportReport;
import org.aimonitor.importer.Importer;
import org.aimonitor.store.DataException;
import org.aimonitor.store.Database;
import org.aimonitor.store.ImportLog;
import org.aimonitor.store.StorageFailure;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff pages under {@code /admin}: upload with a dry run to check before confirming, and
 * the import log. Who may see them is checked before they run ({@link AdminAccess}, by the
 * route's {@link StaffRole}); a posted form's CSRF token is checked here, once the form is read.
 */
public final class AdminPages {

  private static final Logger LOG = LoggerFactory.getLogger(AdminPages.class);
  private static final String NAV = AdminAccess.NAV;

  private final Importer importer;
  private final Database db;
  private final String label;
  private final AdminSessions sessions;

  public AdminPages(Settings settings, Database db, Importer importer, AdminAccess access) {
    this.db = db;
    this.importer = importer;
    this.label = settings.adminLabel();
    this.sessions = access.sessions();
  }

  /** {@code GET /admin}: the upload page is the admin home. */
  public void home(Context ctx) {
    ctx.redirect("/admin/import", HttpStatus.SEE_OTHER);
  }

  /** {@code GET /admin/import}: the upload form. */
  public void importForm(Context ctx) {
    Text t = Text.of(ctx);
    Page.render(ctx, "admin-import", t.t("admin.nav.import"), NAV,
        new UploadView(signedIn(ctx).csrf(), limitText(t)));
  }

  /** {@code POST /admin/import/preview}: a dry run of the uploaded files, kept for confirming. */
  public void preview(Context ctx) {
    Session session = signedIn(ctx);
    Text t = Text.of(ctx);
    List<ImportFile> files;
    try {
      files = ctx.isMultipartFormData() ? Uploads.multipart(ctx) : List.of();
    } catch (Uploads.TooLarge e) {
      String limit = t.number(BigDecimal.valueOf(Uploads.LIMIT), 0);
      throw e.bytes() > 0
          ? HttpProblem.of(413, "admin.error.too-large.title", "admin.error.too-large",
              t.number(BigDecimal.valueOf(e.bytes()), 0), limit)
          : HttpProblem.of(413, "admin.error.too-large.title", "admin.error.too-large-unknown", limit);
    } catch (Uploads.BadUpload e) {
      throw HttpProblem.of(400, "error.400.title", "admin.error.bad-upload").withDetail(e.detail());
    }
    AdminAccess.requireCsrf(ctx, session);
    if (files.isEmpty()) {
      throw HttpProblem.of(400, "error.400.title", "admin.error.no-file");
    }
    ImportReport report = importer.dryRun(files);
    if (!report.valid()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      Page.render(ctx, "admin-report", t.t("admin.report.refused"), NAV,
          ReportView.rejected(session.csrf(), report.errors(), t));
      return;
    }
    String previewId = report.added() + report.changed() > 0
        ? sessions.keepPreview(session, files) : null;
    Page.render(ctx, "admin-report", t.t("admin.report.check"), NAV,
        ReportView.of(session.csrf(), "preview", previewId, report, t));
  }

  /** {@code POST /admin/import/apply}: applies a previewed upload, validating it again. */
  public void apply(Context ctx) {
    Session session = signedIn(ctx);
    AdminAccess.requireCsrf(ctx, session);
    // Checked before the preview is taken, so a reason that is too long loses no upload.
    String reason = reason(ctx.formParam("reason"));
    List<ImportFile> files = sessions.takePreview(session, ctx.formParam("preview"))
        .orElseThrow(() -> HttpProblem.of(410, "admin.error.preview-gone.title",
            "admin.error.preview-gone", AdminSessions.PREVIEW_LIFETIME.toMinutes()));
    String who = label + " (web)";
    Text t = Text.of(ctx);
    try {
      ImportReport report = importer.apply(files, who, reason, change -> { });
      logApplied(report, who);
      Page.render(ctx, "admin-report", t.t("admin.report.applied"), NAV,
          ReportView.of(session.csrf(), "applied", null, report, t));
    } catch (DataException e) {
      // The data changed since the preview (another import) and the files no longer fit.
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      Page.render(ctx, "admin-report", t.t("admin.report.refused"), NAV,
          ReportView.rejected(session.csrf(), e.errors(), t));
    } catch (RuntimeException e) {
      StorageFailure failure = StorageFailure.of(e).orElseThrow(() -> e);
      // Nothing was written (one transaction); the preview is kept to confirm again.
      LOG.warn("Import by {} not written: {}", who, failure.sentence());
      String again = sessions.keepPreview(session, files);
      ctx.status(statusOf(failure));
      Page.render(ctx, "admin-report", t.t("admin.report.check"), NAV,
          ReportView.of(session.csrf(), "preview", again, importer.dryRun(files), t)
              .failed(t.t("admin.error.storage", t.t(failure.messageKey()))));
    }
  }

  /** {@code GET /admin/imports}: the import log, newest first (session or Bearer token). */
  public void imports(Context ctx) {
    ImportLog log = db.jdbi().onDemand(ImportLog.class);
    Text t = Text.of(ctx);
    List<LogRow> rows = log.newestFirst(AdminViews.MAX_LOG_ENTRIES).stream()
        .map(e -> LogRow.of(e, t)).toList();
    Page.render(ctx, "admin-imports", t.t("admin.nav.imports"), NAV,
        new LogView(AdminAccess.session(ctx).map(Session::csrf).orElse(null), rows,
            (int) log.count(ImportLog.IdRange.ALL)));
  }

  /** The session {@link AdminAccess} found for a {@link StaffRole#SIGNED_IN} route. */
  private static Session signedIn(Context ctx) {
    return AdminAccess.session(ctx).orElseThrow(() -> new IllegalStateException(
        ctx.path() + " is routed without StaffRole.SIGNED_IN"));
  }

  /** The confirm form's reason as the log keeps it; a 400 page when it is too long. */
  private static String reason(String raw) {
    try {
      return ImportReason.of(raw);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.of(400, "admin.error.reason-too-long.title", "admin.error.reason-too-long",
          raw.strip().codePointCount(0, raw.strip().length()), ImportReason.MAX_LENGTH);
    }
  }

  /** 507 when the disk is full, 503 for another storage failure. */
  static int statusOf(StorageFailure failure) {
    return failure == StorageFailure.FULL ? 507 : 503;
  }

  static void logApplied(ImportReport report, String who) {
    LOG.info("Import {} by {}: {} added, {} changed, {} unchanged", report.importId(), who,
        report.added(), report.changed(), report.unchanged());
  }

  /** "5 MB (5,242,880 bytes)", "5 MB（5242880字节）". */
  private static String limitText(Text t) {
    return t.t("admin.import.limit", Uploads.LIMIT / (1024 * 1024),
        t.number(BigDecimal.valueOf(Uploads.LIMIT), 0));
  }
}
