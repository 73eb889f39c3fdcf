package org.aimonitor.app;

import static io.javalin.apibuilder.ApiBuilder.beforeMatched;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.head;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.aimonitor.admin.AdminAccess;
import org.aimonitor.admin.AdminApi;
import org.aimonitor.admin.AdminPages;
import org.aimonitor.admin.StaffRole;
import org.aimonitor.api.ApiHandler;
import org.aimonitor.api.ApiPaging;
import org.aimonitor.calendar.CalendarHandler;
import org.aimonitor.config.Settings;
import org.aimonitor.dashboard.DashboardHandler;
import org.aimonitor.figure.FigureHandler;
import org.aimonitor.download.DownloadHandler;
import org.aimonitor.health.HealthHandler;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;
import org.aimonitor.importer.Importer;
import org.aimonitor.indicator.IndicatorHandler;
import org.aimonitor.indicator.IndicatorListView;
import org.aimonitor.json.Json;
import org.aimonitor.region.Filter;
import org.aimonitor.region.PlaceFilter;
import org.aimonitor.region.RegionHandler;
import org.aimonitor.region.SideBySide;
import org.aimonitor.search.SearchHandler;
import org.aimonitor.source.SourcesHandler;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Database;
import org.aimonitor.summary.SummaryHandler;
import org.aimonitor.timeline.TimelineHandler;
import org.aimonitor.updates.DateFilter;
import org.aimonitor.updates.NewSince;
import org.aimonitor.updates.UpdatesHandler;
import org.aimonitor.watch.WatchHandler;
import org.aimonitor.watch.WatchList;
import org.aimonitor.web.Addresses;
import org.aimonitor.web.Assets;
import org.aimonitor.web.ClientGone;
import org.aimonitor.web.Compression;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.KnownParams;
import org.aimonitor.web.VintageParam;
import org.aimonitor.web.Page;
import org.aimonitor.web.PageCache;
import org.aimonitor.web.Paging;
import org.aimonitor.web.QueryParams;
import org.aimonitor.web.SecurityHeaders;
import org.aimonitor.web.SmallForms;
import org.aimonitor.web.StaticFiles;
import org.aimonitor.web.ThymeleafRenderer;
import org.aimonitor.web.UnreadableRequestPage;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the web app: one route table, security headers, error pages. Not started here. */
public final class App {

  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  /**
   * How long stopping waits for requests in flight: below the 10 s that {@code docker stop} and
   * {@code podman stop} wait after SIGTERM before they SIGKILL.
   */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(8);

  private App() {
  }

  /** The app over {@code db}; the admin pages exist only when {@code settings} has a token. */
  public static Javalin create(Settings settings, Database db) {
    return create(settings, db, Clock.systemUTC());
  }

  /**
   * As {@link #create(Settings, Database)}, reading the day from {@code clock}: whether a release
   * is due or overdue, and the access date a citation names, depend on it.
   */
  public static Javalin create(Settings settings, Database db, Clock clock) {
    tellJettyTheReferenceSize();
    DashboardHandler dashboard = new DashboardHandler(db, clock);
    HealthHandler health = new HealthHandler(db);
    IndicatorHandler indicators = new IndicatorHandler(db, clock);
    RegionHandler regions = new RegionHandler(db);
    SourcesHandler sources = new SourcesHandler(db);
    FigureHandler figures = new FigureHandler(db, clock);
    WatchHandler watch = new WatchHandler(db, clock);
    TimelineHandler timeline = new TimelineHandler(db);
    DownloadHandler downloads = new DownloadHandler(db, settings.limits());
    ApiHandler api = new ApiHandler(db);
    PageCache cache = new PageCache(db, settings.pageCacheBytes(), clock);
    SummaryHandler summary = new SummaryHandler(db, clock);
    AdminAccess access = settings.adminEnabled() ? new AdminAccess(settings) : null;
    Importer importer = access == null ? null : new Importer(db);
    AdminPages admin = access == null ? null : new AdminPages(settings, db, importer, access);
    AdminApi adminApi = access == null ? null : new AdminApi(settings, importer);
    UpdatesHandler updates = new UpdatesHandler(db);
    SearchHandler search = new SearchHandler(db);
    CalendarHandler calendar = new CalendarHandler(db, clock);
    // Pages that mark what is new since the reader's last visit vary by their normalised state.
    NewSince newSince = new NewSince(db, settings.https());
    StaticFiles staticFiles = new StaticFiles("web/static");
    StaticFiles webjars = new StaticFiles("META-INF/resources/webjars");
    Settings.Operations ops = settings.operations();
    // Absolute links from a trusted origin only (docs/operations.md, "Public address").
    Addresses.Policy origins = new Addresses.Policy(ops.publicOrigin(), ops.trustProxy(),
        settings.https());
    Observability observe = Observability.of(ops, db, cache);

    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      gracefulStop(config);
      // Room for a long address (Jetty's default is 8 KB): a 10 KB search reaches its handler,
      // which refuses it with a 400 that says how long a search may be.
      config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(32 * 1024));
      // Requests that never reach a route (an unreadable address) get our page, not Jetty's.
      config.jetty.modifyServer(server -> server.setErrorHandler(new UnreadableRequestPage()));
      config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      config.fileRenderer(new ThymeleafRenderer());
      config.http.prefer405over404 = true;
      config.http.compressionStrategy = Compression.strategy();
      // Static files are served by routes (StaticFiles), not by Javalin's static-file handler.
      // Uploads are the only large requests; the admin handler also refuses bigger ones with 413.
      config.http.maxRequestSize = Importer.MAX_FILE_BYTES;
      config.jetty.multipartConfig.maxTotalRequestSize(Importer.MAX_FILE_BYTES, SizeUnit.BYTES);
      config.jetty.multipartConfig.maxFileSize(Importer.MAX_FILE_BYTES, SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize(Importer.MAX_FILE_BYTES, SizeUnit.BYTES);

      observe.install(config);
      config.routes.before(App::securityHeaders);
      config.routes.before(ctx -> Addresses.resolve(ctx, origins));
      config.routes.before(ctx -> Lang.resolve(ctx));
      config.routes.before(ctx -> {
        if (!Addresses.wellFormedQuery(ctx.queryString())) {
          throw HttpProblem.of(400, "error.400.title", "error.bad-query");
        }
      });
      // Public forms are a few fields of text: bounded before they are parsed (413/400).
      for (String form : List.of("/updates/marks", "/admin/login", "/admin/logout")) {
        config.routes.before(form, SmallForms::bounded);
      }
      config.routes.before("/figures/changes", SmallForms::boundedUpload);
      if (settings.https()) {
        // Only behind a TLS proxy: over plain HTTP the header would be ignored or, worse, pin a
        // host name to HTTPS that nothing serves.
        config.routes.before(ctx -> ctx.header("Strict-Transport-Security", "max-age=31536000"));
      }
      config.routes.apiBuilder(() -> {
        // Pages and API answers are cached (PageCache); each declares the parsers its handler
        // reads the query with (their QueryParams), and other parameters are ignored. Exports
        // stream and are never cached.
        get("/", newSince.marking(cache.wrap(dashboard::show, newSince::variant)));
        get("/summary", cache.wrap(summary::show));
        get("/healthz", health::check);
        observe.routes();
        get("/favicon.ico", App::favicon);
        // Our files (pages link them with a content hash) and Chart.js from its webjar.
        get("/static/<name>", ctx -> staticFiles.serve(ctx, ctx.pathParam("name")));
        head("/static/<name>", ctx -> staticFiles.serve(ctx, ctx.pathParam("name")));
        get("/webjars/<name>", ctx -> webjars.serve(ctx, ctx.pathParam("name")));
        head("/webjars/<name>", ctx -> webjars.serve(ctx, ctx.pathParam("name")));

        // Indicator pages; {code} also serves the .csv, .json, .atom and .ics twins (see
        // IndicatorHandler): Javalin matches {code} against "x.atom" too.
        get(route("/indicators", Paging.PARAMS, IndicatorListView.Order.PARAMS), cache.wrap(indicators::list));
        // The citation links the address the reader used: a page per origin, too.
        Handler indicatorPage = newSince.marking(cache.wrap(indicators::show,
            ctx -> newSince.variant(ctx) + "|" + Addresses.origin(ctx)));
        Handler indicatorJson = cache.wrap(indicators::show);
        Handler indicatorCalendar = cache.wrap(calendar::indicator);
        get(route("/indicators/{code}", Filter.PARAMS, VintageParam.PARAMS,
            SideBySide.PERIOD_PARAMS, Paging.PARAMS, ApiPaging.PARAMS), ctx -> {
          String name = ctx.pathParam("code");
          if (IndicatorHandler.isCsv(ctx)) {
            indicators.csv(ctx);
          } else if (IndicatorHandler.isWorkbook(ctx)) {
            indicators.xlsx(ctx);
          } else if (name.endsWith(".json")) {
            indicatorJson.handle(ctx);
          } else if (name.endsWith(".atom")) {
            updates.indicatorFeed(ctx);
          } else if (name.endsWith(".ics")) {
            indicatorCalendar.handle(ctx);
          } else {
            indicatorPage.handle(ctx);
          }
        });
        get(route("/indicators/{code}/ranking", SideBySide.PERIOD_PARAMS, Paging.PARAMS),
            cache.wrap(regions::ranking));
        // Workbooks stream and are never cached, like the CSV twins.
        get(route("/indicators/{code}/ranking.xlsx", SideBySide.PERIOD_PARAMS), regions::rankingWorkbook);
        // The citation files of an indicator view (the same filter and vintage as its page);
        // after the ranking's routes, which {file} would match too.
        get(route("/indicators/{code}/{file}", Filter.PARAMS, VintageParam.PARAMS),
            cache.wrap(indicators::cite));
        // Places; {code} also serves the .json twin (the API document).
        get(route("/regions", PlaceFilter.PARAMS, Paging.PARAMS), cache.wrap(regions::list));
        get(route("/regions.json", PlaceFilter.PARAMS, ApiPaging.PARAMS), cache.wrap(regions::apiList));
        Handler placePage = cache.wrap(regions::show);
        get(route("/regions/{code}", Paging.PARAMS, ApiPaging.PARAMS), ctx -> {
          if (ctx.pathParam("code").endsWith(".xlsx")) {
            regions.placeWorkbook(ctx);
          } else {
            placePage.handle(ctx);
          }
        });
        // One figure by its row id (a revision keeps it), its .json twin and its citation files;
        // the citation links the address the reader used, so a page per origin.
        // The watch on cited figures, before /figures/{id} (which "changes" would match): the
        // list lives in the address, sent to its canonical form (sorted ids) before the cache,
        // which keys on it; a citation file's upload is read, forgotten, and redirected there.
        Handler watchPage = cache.wrap(watch::page);
        get(route("/figures/changes", WatchList.PARAMS), ctx -> {
          if (!watch.redirectToCanonical(ctx)) {
            watchPage.handle(ctx);
          }
        });
        Handler watchJson = cache.wrap(watch::json);
        get(route("/figures/changes.json", WatchList.PARAMS), ctx -> {
          if (!watch.redirectToCanonical(ctx)) {
            watchJson.handle(ctx);
          }
        });
        get(route("/figures/changes.atom", WatchList.PARAMS), ctx -> {
          if (!watch.redirectToCanonical(ctx)) {
            watch.feed(ctx);
          }
        });
        post("/figures/changes", watch::upload);
        Handler figurePage = cache.wrap(figures::show, Addresses::origin);
        get(route("/figures/{id}", VintageParam.PARAMS), ctx -> {
          // {id} also matches "14.atom": the figure's feed, answered conditionally, not cached.
          if (FigureHandler.isFeed(ctx)) {
            figures.feed(ctx);
          } else {
            figurePage.handle(ctx);
          }
        });
        get(route("/figures/{id}/{file}", VintageParam.PARAMS), figures::cite);
        get(route("/sources", Paging.PARAMS), cache.wrap(sources::list));
        get(route("/sources/{id}", Paging.PARAMS), cache.wrap(sources::show));
        get(route("/timeline", Paging.PARAMS), cache.wrap(timeline::show));
        // The release calendar: what is due and each series' record, and its iCalendar files
        // (one per indicator is a twin of /indicators/{code}, above).
        get(route("/calendar", Paging.PARAMS), cache.wrap(calendar::show));
        get(route("/calendar.ics"), calendar::all);
        // Search: free text is never a cache key, so neither answer is cached (SearchHandler).
        get(route("/search", SearchHandler.PARAMS, Paging.PARAMS), search::page);
        get(route("/api/v1/search", SearchHandler.PARAMS, ApiPaging.PARAMS), search::api);
        get("/data", cache.wrap(downloads::page));
        for (CsvTable table : CsvTable.values()) {
          get("/data/" + table.fileName(), ctx -> downloads.csv(ctx, table));
        }
        get("/data/monitor.sqlite", downloads::sqlite);
        get("/data/monitor.xlsx", downloads::xlsx);
        // What is new: every import, one import's changes, feeds; marking is the reader's choice.
        get(route("/updates", DateFilter.PARAMS, Paging.PARAMS),
            newSince.marking(cache.wrap(updates::list, newSince::variant)));
        // Feeds are answered conditionally but not cached (see UpdatesHandler.answerFeed).
        get("/updates.atom", updates::feed);
        get(route("/updates/{id}", Paging.PARAMS),
            newSince.marking(cache.wrap(updates::show, newSince::variant)));
        post("/updates/marks", newSince::change);
        get(route("/api/v1/indicators", ApiPaging.PARAMS), cache.wrap(indicators::apiList));
        get(route("/api/v1/indicators/{code}", Filter.PARAMS, VintageParam.PARAMS, ApiPaging.PARAMS),
            cache.wrap(indicators::apiShow));
        get(route("/api/v1/regions", PlaceFilter.PARAMS, ApiPaging.PARAMS),
            cache.wrap(regions::apiList));
        get(route("/api/v1/regions/{code}", ApiPaging.PARAMS), cache.wrap(regions::apiShow));
        get(route("/api/v1/sources", ApiPaging.PARAMS), cache.wrap(api::sources));
        get(route("/api/v1/events", ApiPaging.PARAMS), cache.wrap(api::events));
        get(route("/api/v1/updates", DateFilter.PARAMS, ApiPaging.PARAMS),
            cache.wrap(updates::apiList));
        get(route("/api/v1/updates/{id}", ApiPaging.PARAMS), cache.wrap(updates::apiShow));

        // Staff only, and only with AIM_ADMIN_TOKEN set: otherwise /admin/* is the ordinary 404.
        // Each staff route has one role, checked once before it runs (AdminAccess.check).
        if (access != null) {
          beforeMatched(access::check);
          get("/admin", admin::home, StaffRole.ANYONE);
          get("/admin/login", access::loginForm, StaffRole.ANYONE);
          post("/admin/login", access::login, StaffRole.ANYONE);
          post("/admin/logout", access::logout, StaffRole.ANYONE);
          get("/admin/import", admin::importForm, StaffRole.SIGNED_IN);
          post("/admin/import", adminApi::upload, StaffRole.TOKEN);
          post("/admin/import/preview", admin::preview, StaffRole.SIGNED_IN);
          post("/admin/import/apply", admin::apply, StaffRole.SIGNED_IN);
          // The language switcher on a preview or result links here by GET: back to the form,
          // in the chosen language (the lang cookie is set before the redirect).
          get("/admin/import/preview", admin::home, StaffRole.ANYONE);
          get("/admin/import/apply", admin::home, StaffRole.ANYONE);
          get("/admin/imports", admin::imports, StaffRole.SIGNED_IN_OR_TOKEN);
        }
      });

      config.routes.error(HttpStatus.NOT_FOUND.getCode(), "*", ctx -> {
        // A handler's own 404 (an unknown indicator code) already says what is missing.
        if (ctx.attribute(PROBLEM_ANSWERED) == null) {
          problem(ctx, HttpProblem.of(404, "error.404.title", "error.404.message"));
        }
      });
      // Javalin answers a wrong method with plain text; answer with the error page instead
      // (its Allow header stays).
      config.routes.error(HttpStatus.METHOD_NOT_ALLOWED.getCode(), "*", ctx -> {
        if (ctx.attribute(PROBLEM_ANSWERED) == null) {
          problem(ctx, HttpProblem.of(405, "error.405.title", "error.405.message"));
        }
      });
      config.routes.exception(HttpProblem.class, (e, ctx) -> problem(ctx, e));
      config.routes.exception(Exception.class, (e, ctx) -> {
        if (ClientGone.is(e)) {
          // Nobody is left to answer; one quiet line, not a stack trace (issue 26).
          LOG.info("{} {}: the client went away ({})", ctx.method(), ctx.path(), ClientGone.reason(e));
          return;
        }
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        problem(ctx, HttpProblem.of(500, "error.500.title", "error.500.message"));
      });
    });
  }

  /**
   * Loads and initialises jdbi's classes, then the web stack's (Javalin, Jetty, Jackson, the
   * compressors), and does nothing else: a server start calls it on a second thread while the
   * database opens, as the web stack is independent of it until {@link #create} joins them.
   * Only a head start: whatever fails here fails again, and is reported, where it really happens.
   */
  public static void warmUp() {
    try {
      Database.warmUp();
      tellJettyTheReferenceSize();
      // Not Javalin.create(): an instance that is never started leaves a thread behind (it
      // waits five seconds to log that advice); its classes are loaded, not instantiated.
      for (Class<?> type : List.of(Javalin.class, JavalinConfig.class, JavalinJackson.class)) {
        Class.forName(type.getName(), true, App.class.getClassLoader());
      }
      new org.eclipse.jetty.server.Server();
      Json.MAPPER.writeValueAsString(new HealthHandler.Health("ok", true, 0, 0L));
      Compression.strategy();
    } catch (RuntimeException | LinkageError | java.io.IOException | ClassNotFoundException e) {
      LOG.debug("warm-up stopped early", e);
    }
  }

  /**
   * Makes {@code stop()} graceful: connectors stop accepting at once, requests in flight run to
   * the end (up to {@link #STOP_TIMEOUT}), idle kept-alive connections close after a second.
   * Jetty shuts down gracefully only when the server has a stop timeout (Javalin leaves it at 0);
   * {@link GracefulHandler} is Jetty 12's part that counts the requests in flight to wait for.
   */
  static void gracefulStop(JavalinConfig config) {
    config.jetty.modifyServer(server -> {
      server.insertHandler(new GracefulHandler());
      server.setStopTimeout(STOP_TIMEOUT.toMillis());
    });
  }

  /**
   * Jetty sizes some padding by how many object references fit a cache line and, unless told,
   * asks the platform MBean server whether references are compressed: that starts JMX and
   * registers every platform MBean (about 60 ms of each start, and memory for good). They are
   * compressed on any heap below 32 GB (ours is a quarter of the container's memory), 4 bytes in a
   * 64-byte line. Only a hint for padding: a wrong value costs no correctness.
   */
  static void tellJettyTheReferenceSize() {
    String key = "org.eclipse.jetty.util.referencesPerCacheLine";
    if (System.getProperty(key) == null) {
      boolean compressed = Runtime.getRuntime().maxMemory() < (32L << 30);
      System.setProperty(key, compressed ? "16" : "8");
    }
  }

  /**
   * {@code path}, declaring the parsers its handler reads the query with: their parameters are
   * the ones it understands ({@link KnownParams}).
   */
  private static String route(String path, QueryParams... parsers) {
    KnownParams.declare(path, parsers);
    return path;
  }

  private static void securityHeaders(Context ctx) {
    SecurityHeaders.ALL.forEach(ctx::header);
  }

  /** Browsers ask for /favicon.ico whatever the page says; answer with the SVG icon. */
  private static void favicon(Context ctx) {
    ctx.redirect(Assets.get().favicon(), HttpStatus.MOVED_PERMANENTLY);
  }

  private static final String PROBLEM_ANSWERED = "aim.problem-answered";

  /**
   * Answers an error in the form the client asked for: JSON {@code {"status", "message"}} in
   * English on the API and on {@code .json} downloads, otherwise the error page in the
   * request's language.
   */
  static void problem(Context ctx, HttpProblem problem) {
    ctx.attribute(PROBLEM_ANSWERED, Boolean.TRUE);
    if (wantsJson(ctx)) {
      ctx.status(problem.status());
      ctx.header("Cache-Control", "no-store");
      Json.respond(ctx, new Json.Problem(problem.status(), problem.getMessage()));
    } else {
      errorPage(ctx, problem);
    }
  }

  private static boolean wantsJson(Context ctx) {
    String path = ctx.path();
    return path.startsWith("/api/") || path.endsWith(".json");
  }

  /**
   * An error in the site layout, in the request's language; never a stack trace. The language
   * was chosen by the before-handler, which runs for every request, also for unknown paths and
   * wrong methods (ErrorPagesTest shows both in Chinese).
   */
  static void errorPage(Context ctx, HttpProblem problem) {
    Text t = Text.of(ctx);
    ctx.status(problem.status());
    String title = problem.title(t);
    Page.render(ctx, "error", title, "", new ErrorView(problem.status(), title, problem.message(t),
        problem.detail()));
  }

  /** What the error page shows; {@code detail} is English-only text, or null. */
  public record ErrorView(int status, String title, String message, String detail) {
  }
}
