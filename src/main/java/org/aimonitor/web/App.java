package org.aimonitor.web;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.aimonitor.Settings;
import org.aimonitor.admin.AdminHandler;
import org.aimonitor.api.ApiHandler;
import org.aimonitor.dashboard.DashboardHandler;
import org.aimonitor.download.DownloadHandler;
import org.aimonitor.health.HealthHandler;
import org.aimonitor.importer.Importer;
import org.aimonitor.indicator.IndicatorHandler;
import org.aimonitor.source.SourcesHandler;
import org.aimonitor.timeline.TimelineHandler;
import org.aimonitor.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the web app: one route table, security headers, error pages. Not started here. */
public final class App {

  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  /**
   * No inline script or style anywhere: chart data travel as JSON in script elements of type
   * application/json, which the browser never executes.
   */
  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
      "form-action 'self'");

  private App() {
  }

  /** The app over {@code db}; the admin pages exist only when {@code settings} has a token. */
  public static Javalin create(Settings settings, Database db) {
    DashboardHandler dashboard = new DashboardHandler(db);
    HealthHandler health = new HealthHandler(db);
    IndicatorHandler indicators = new IndicatorHandler(db);
    SourcesHandler sources = new SourcesHandler(db);
    TimelineHandler timeline = new TimelineHandler(db);
    DownloadHandler downloads = new DownloadHandler(db);
    ApiHandler api = new ApiHandler(db);
    AdminHandler admin = settings.adminEnabled() ? new AdminHandler(settings, db) : null;

    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      config.fileRenderer(new ThymeleafRenderer());
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/web/static";
        files.location = Location.CLASSPATH;
      });
      config.staticFiles.enableWebjars();
      // Uploads are the only large requests; the admin handler also refuses bigger ones with 413.
      config.http.maxRequestSize = Importer.MAX_FILE_BYTES;
      config.jetty.multipartConfig.maxTotalRequestSize(Importer.MAX_FILE_BYTES, SizeUnit.BYTES);
      config.jetty.multipartConfig.maxFileSize(Importer.MAX_FILE_BYTES, SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize(Importer.MAX_FILE_BYTES, SizeUnit.BYTES);

      config.routes.before(App::securityHeaders);
      config.routes.apiBuilder(() -> {
        get("/", dashboard::show);
        get("/healthz", health::check);
        get("/favicon.ico", App::favicon);

        // Indicator pages; {code} also serves the .csv and .json twins (see IndicatorHandler).
        get("/indicators", indicators::list);
        get("/indicators/{code}", indicators::show);
        get("/sources", sources::show);
        get("/timeline", timeline::show);
        get("/data", downloads::page);
        get("/data/observations.csv", downloads::observations);
        get("/data/sources.csv", downloads::sources);
        get("/data/indicators.csv", downloads::indicators);
        get("/data/events.csv", downloads::events);
        get("/data/monitor.sqlite", downloads::sqlite);
        get("/api/v1/indicators", api::indicators);
        get("/api/v1/indicators/{code}", api::indicator);
        get("/api/v1/sources", api::sources);
        get("/api/v1/events", api::events);

        // Staff only, and only with AIM_ADMIN_TOKEN set: otherwise /admin/* is the ordinary 404.
        if (admin != null) {
          get("/admin", admin::home);
          get("/admin/login", admin::loginForm);
          post("/admin/login", admin::login);
          post("/admin/logout", admin::logout);
          get("/admin/import", admin::importForm);
          post("/admin/import", admin::upload);
          post("/admin/import/preview", admin::preview);
          post("/admin/import/apply", admin::apply);
          get("/admin/imports", admin::imports);
        }
      });

      config.routes.error(HttpStatus.NOT_FOUND.getCode(), "*", ctx -> {
        // A handler's own 404 (an unknown indicator code) already says what is missing.
        if (ctx.attribute(PROBLEM_ANSWERED) == null) {
          problem(ctx, 404, "Page not found", "There is no page at this address.");
        }
      });
      config.routes.exception(HttpProblem.class, (e, ctx) ->
          problem(ctx, e.status(), e.title(), e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        problem(ctx, 500, "Something went wrong",
            "The page could not be shown. The error has been logged.");
      });
    });
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    ctx.header("X-Frame-Options", "DENY");
  }

  /** Browsers ask for /favicon.ico whatever the page says; answer with the SVG icon. */
  private static void favicon(Context ctx) {
    ctx.redirect("/static/favicon.svg", HttpStatus.MOVED_PERMANENTLY);
  }

  private static final String PROBLEM_ANSWERED = "aim.problem-answered";

  /**
   * Answers an error in the form the client asked for: JSON {@code {"status", "message"}} on
   * the API and on {@code .json} downloads, otherwise the error page.
   */
  static void problem(Context ctx, int status, String title, String message) {
    ctx.attribute(PROBLEM_ANSWERED, Boolean.TRUE);
    if (wantsJson(ctx)) {
      ctx.status(status);
      ctx.header("Cache-Control", "no-store");
      Json.respond(ctx, new Json.Problem(status, message));
    } else {
      errorPage(ctx, status, title, message);
    }
  }

  private static boolean wantsJson(Context ctx) {
    String path = ctx.path();
    return path.startsWith("/api/") || path.endsWith(".json");
  }

  /** An error in the site layout; never a stack trace. */
  static void errorPage(Context ctx, int status, String title, String message) {
    ctx.status(status);
    Page.render(ctx, "error", title, "", new ErrorView(status, title, message));
  }

  /** What the error page shows. */
  public record ErrorView(int status, String title, String message) {
  }
}
