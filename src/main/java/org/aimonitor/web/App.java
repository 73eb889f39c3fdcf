package org.aimonitor.web;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import org.aimonitor.dashboard.DashboardHandler;
import org.aimonitor.health.HealthHandler;
import org.aimonitor.store.Database;
import org.aimonitor.summary.SummaryHandler;
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

  public static Javalin create(Database db) {
    DashboardHandler dashboard = new DashboardHandler(db);
    HealthHandler health = new HealthHandler(db);
    SummaryHandler summary = new SummaryHandler(db, Clock.systemUTC());

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

      config.routes.before(App::securityHeaders);
      config.routes.apiBuilder(() -> {
        get("/", dashboard::show);
        get("/summary", summary::show);
        get("/healthz", health::check);
        get("/favicon.ico", App::favicon);
      });

      config.routes.error(HttpStatus.NOT_FOUND.getCode(), "*", ctx -> errorPage(ctx, 404,
          "Page not found", "There is no page at this address."));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        errorPage(ctx, 500, "Something went wrong",
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

  /** An error in the site layout; never a stack trace. */
  static void errorPage(Context ctx, int status, String title, String message) {
    ctx.status(status);
    Page.render(ctx, "error", title, "", new ErrorView(status, title, message));
  }

  /** What the error page shows. */
  public record ErrorView(int status, String title, String message) {
  }
}
