package org.aimonitor.admin;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.aimonitor.admin.AdminSessions.Session;
import org.aimonitor.admin.AdminViews.LogRow;
import org.aimonitor.admin.AdminViews.LogView;
import org.aimonitor.admin.AdminViews.LoginView;
import org.aimonitor.admin.AdminViews.ReportView;
import org.aimonitor.admin.AdminViews.UploadProblem;
import org.aimonitor.admin.AdminViews.UploadResult;
import org.aimonitor.admin.AdminViews.UploadView;
import org.aimonitor.config.Settings;
import org.aimonitor.i18n.Text;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.ImportReason;
import org.aimonitor.importer.ImportReport;
import org.aimonitor.importer.Importer;
import org.aimonitor.json.Json;
import org.aimonitor.store.DataError;
import org.aimonitor.store.DataException;
import org.aimonitor.store.Database;
import org.aimonitor.store.ImportLog;
import org.aimonitor.store.StorageFailure;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff pages under {@code /admin}: sign-in with the admin token, CSV upload with a dry run
 * to check before confirming, a direct upload for scripts with a Bearer token, and the import
 * log. Only routed when {@code AIM_ADMIN_TOKEN} is set.
 */
public final class AdminHandler {

  private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);

  static final String COOKIE = "aim_admin";
  private static final String COOKIE_PATH = "/admin";
  private static final String REALM = "Bearer realm=\"AI Industry Monitor admin\"";
  private static final String NAV = "admin";

  private final Importer importer;
  private final Database db;
  private final String token;
  private final String label;
  private final boolean secureCookie;
  private final AdminSessions sessions;
  private final SignInThrottle throttle;

  public AdminHandler(Settings settings, Database db) {
    if (!settings.adminEnabled()) {
      throw new IllegalArgumentException("the admin pages need AIM_ADMIN_TOKEN");
    }
    this.db = db;
    this.importer = new Importer(db);
    this.token = settings.adminToken();
    this.label = settings.adminLabel();
    this.secureCookie = settings.https();
    this.sessions = new AdminSessions(Clock.systemUTC());
    this.throttle = new SignInThrottle(settings.limits().signInAttempts(),
        settings.limits().signInLockout(), Clock.systemUTC());
  }

  /** {@code GET /admin}: the upload page is the admin home. */
  public void home(Context ctx) {
    ctx.redirect("/admin/import", HttpStatus.SEE_OTHER);
  }

  /** {@code GET /admin/login}. */
  public void loginForm(Context ctx) {
    noStore(ctx);
    if (session(ctx).isPresent()) {
      ctx.redirect("/admin/import", HttpStatus.SEE_OTHER);
      return;
    }
    Page.render(ctx, "admin-login", Text.of(ctx).t("admin.login.title"), NAV, LoginView.of(null));
  }

  /** {@code POST /admin/login}: a right token starts a session; a wrong one shows the form again. */
  public void login(Context ctx) {
    noStore(ctx);
    OptionalLong wait = throttle.refused(ctx.ip());
    if (wait.isPresent()) {
      ctx.status(HttpStatus.TOO_MANY_REQUESTS);
      ctx.header("Retry-After", String.valueOf(wait.getAsLong()));
      Text t = Text.of(ctx);
      Page.render(ctx, "admin-login", t.t("admin.login.title"), NAV,
          LoginView.of(t.t("admin.login.locked", minutes(wait.getAsLong()))));
      return;
    }
    if (!Secrets.same(token, ctx.formParam("token"))) {
      throttle.failed(ctx.ip());
      ctx.status(HttpStatus.UNAUTHORIZED);
      ctx.header("WWW-Authenticate", REALM);
      Text t = Text.of(ctx);
      Page.render(ctx, "admin-login", t.t("admin.login.title"), NAV, LoginView.of(t.t("admin.login.wrong")));
      return;
    }
    throttle.succeeded(ctx.ip());
    Session session = sessions.start();
    ctx.cookie(new Cookie(COOKIE, session.id(), COOKIE_PATH,
        (int) AdminSessions.SESSION_LIFETIME.toSeconds(), secureCookie, true, null, SameSite.STRICT));
    ctx.redirect("/admin/import", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /admin/logout}. */
  public void logout(Context ctx) {
    noStore(ctx);
    Optional<Session> session = session(ctx);
    if (session.isPresent()) {
      requireCsrf(ctx, session.get());
      sessions.end(session.get());
    }
    ctx.cookie(new Cookie(COOKIE, "", COOKIE_PATH, 0, secureCookie, true, null, SameSite.STRICT));
    ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
  }

  /** {@code GET /admin/import}: the upload form. */
  public void importForm(Context ctx) {
    noStore(ctx);
    Optional<Session> session = session(ctx);
    if (session.isEmpty()) {
      toLogin(ctx);
      return;
    }
    Text t = Text.of(ctx);
    Page.render(ctx, "admin-import", t.t("admin.nav.import"), NAV,
        new UploadView(session.get().csrf(), limitText(t)));
  }

  /** {@code POST /admin/import/preview}: a dry run of the uploaded files, kept for confirming. */
  public void preview(Context ctx) {
    Session session = postedBy(ctx);
    if (session == null) {
      return;
    }
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
    requireCsrf(ctx, session);
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
    Session session = postedBy(ctx);
    if (session == null) {
      return;
    }
    requireCsrf(ctx, session);
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

  /** 507 when the disk is full, 503 for another storage failure. */
  private static int statusOf(StorageFailure failure) {
    return failure == StorageFailure.FULL ? 507 : 503;
  }



  /**
   * {@code POST /admin/import} with {@code Authorization: Bearer}: applies the body (one CSV as
   * {@code text/csv}, or several files as {@code multipart/form-data}) and answers JSON;
   * {@code ?dry_run=true} only reports.
   */
  public void upload(Context ctx) {
    noStore(ctx);
    switch (bearer(ctx)) {
      case ABSENT -> {
        ctx.header("WWW-Authenticate", REALM);
        problem(ctx, 401, "Send the admin token as Authorization: Bearer <token>.", List.of());
        return;
      }
      case WRONG -> {
        problem(ctx, 403, "The admin token is not valid.", List.of());
        return;
      }
      case LOCKED -> {
        long wait = throttle.refused(ctx.ip()).orElse(1);
        ctx.header("Retry-After", String.valueOf(wait));
        problem(ctx, 429, "Too many wrong admin tokens from this address: it is locked out for "
            + minutes(wait) + " more minute(s); the token was not checked.", List.of());
        return;
      }
      default -> { }
    }
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
      problem(ctx, statusOf(failure), "Nothing was imported: " + failure.sentence()
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
      logApplied(report, who);
    }
    Json.respond(ctx, UploadResult.of(report));
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

  /** {@code GET /admin/imports}: the import log, newest first (session or Bearer token). */
  public void imports(Context ctx) {
    noStore(ctx);
    Optional<Session> session = session(ctx);
    if (session.isEmpty()) {
      switch (bearer(ctx)) {
        case ABSENT -> {
          toLogin(ctx);
          return;
        }
        case WRONG -> throw HttpProblem.of(403, "admin.error.forbidden.title", "admin.error.bad-token");
        case LOCKED -> {
          long wait = throttle.refused(ctx.ip()).orElse(1);
          ctx.header("Retry-After", String.valueOf(wait));
          throw HttpProblem.of(429, "admin.error.locked.title", "admin.login.locked", minutes(wait));
        }
        default -> { }
      }
    }
    ImportLog log = db.jdbi().onDemand(ImportLog.class);
    Text t = Text.of(ctx);
    List<LogRow> rows = log.newestFirst(AdminViews.MAX_LOG_ENTRIES).stream()
        .map(e -> LogRow.of(e, t)).toList();
    Page.render(ctx, "admin-imports", t.t("admin.nav.imports"), NAV,
        new LogView(session.map(Session::csrf).orElse(null), rows, (int) log.count(ImportLog.IdRange.ALL)));
  }

  private enum Bearer { ABSENT, VALID, WRONG, LOCKED }

  /**
   * Only the Bearer scheme carries the token; any other Authorization counts as none. A wrong
   * token counts towards its address's lockout, during which no token is checked (LOCKED; the
   * caller asks the throttle how long, which counts that refusal).
   */
  private Bearer bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Bearer.ABSENT;
    }
    if (throttle.isLocked(ctx.ip())) {
      return Bearer.LOCKED;
    }
    if (Secrets.same(token, header.substring(7).strip())) {
      throttle.succeeded(ctx.ip());
      return Bearer.VALID;
    }
    throttle.failed(ctx.ip());
    return Bearer.WRONG;
  }

  /** Seconds to wait, as whole minutes rounded up. */
  private static long minutes(long seconds) {
    return (seconds + 59) / 60;
  }

  private Optional<Session> session(Context ctx) {
    return sessions.find(ctx.cookie(COOKIE));
  }

  /**
   * The session behind a posted staff form (never cached); without one, answers with the
   * sign-in page and returns null. The caller checks the form's CSRF token when it has read it.
   */
  private Session postedBy(Context ctx) {
    noStore(ctx);
    Optional<Session> found = session(ctx);
    if (found.isEmpty()) {
      signInAgain(ctx);
      return null;
    }
    return found.get();
  }

  private static void requireCsrf(Context ctx, Session session) {
    if (!Secrets.same(session.csrf(), ctx.formParam("csrf"))) {
      throw HttpProblem.of(403, "admin.error.csrf.title", "admin.error.csrf");
    }
  }

  private static void toLogin(Context ctx) {
    ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
  }

  /** A form was posted without a live session (it expired, or the server restarted). */
  private static void signInAgain(Context ctx) {
    ctx.status(HttpStatus.UNAUTHORIZED);
    ctx.header("WWW-Authenticate", REALM);
    Text t = Text.of(ctx);
    Page.render(ctx, "admin-login", t.t("admin.login.title"), NAV, LoginView.of(
        t.t("admin.login.expired", AdminSessions.SESSION_LIFETIME.toHours())));
  }

  private static void problem(Context ctx, int status, String message, List<DataError> errors) {
    ctx.status(status);
    Json.respond(ctx, new UploadProblem(status, message, errors));
  }

  private static String errorCount(List<DataError> errors) {
    return errors.size() == 1 ? "1 error" : errors.size() + " errors";
  }

  private static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
  }

  private static void logApplied(ImportReport report, String who) {
    LOG.info("Import {} by {}: {} added, {} changed, {} unchanged", report.importId(), who,
        report.added(), report.changed(), report.unchanged());
  }

  /** "5 MB (5,242,880 bytes)", "5 MB（5242880字节）". */
  private static String limitText(Text t) {
    return t.t("admin.import.limit", Uploads.LIMIT / (1024 * 1024),
        t.number(BigDecimal.valueOf(Uploads.LIMIT), 0));
  }
}
