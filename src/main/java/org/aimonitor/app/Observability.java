package org.aimonitor.app;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.aimonitor.config.Settings;
import org.aimonitor.metrics.AccessLog;
import org.aimonitor.metrics.Metrics;
import org.aimonitor.store.Database;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.PageCache;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.ServerConnector;

/**
 * What an operator switches on to watch the site: {@code /metrics} (on the main port with
 * {@code AIM_METRICS}, or alone on {@code AIM_METRICS_PORT}) and the access log
 * ({@code AIM_ACCESS_LOG}). With neither, nothing is installed and nothing of Micrometer loads.
 */
final class Observability {

  /** The name of the connector that serves only {@code /metrics}. */
  static final String METRICS_CONNECTOR = "metrics";

  private final Settings.Operations ops;
  private final Metrics metrics;
  private final AccessLog accessLog;

  private Observability(Settings.Operations ops, Metrics metrics, AccessLog accessLog) {
    this.ops = ops;
    this.metrics = metrics;
    this.accessLog = accessLog;
  }

  static Observability of(Settings.Operations ops, Database db, PageCache cache) {
    return new Observability(ops, ops.metricsOn() ? new Metrics(db, cache) : null,
        ops.accessLog() ? new AccessLog() : null);
  }

  /** The request logger, and the metrics port's connector and its gate. */
  void install(JavalinConfig config) {
    if (metrics != null || accessLog != null) {
      config.requestLogger.http((ctx, millis) -> {
        if (metrics != null && !onMetricsPort(ctx)) {
          metrics.record(ctx, millis);
        }
        if (accessLog != null) {
          accessLog.log(ctx, millis);
        }
      });
    }
    if (metrics != null) {
      config.events.serverStopped(metrics::close);
    }
    if (metrics != null && ops.metricsPort() >= 0) {
      // Added once the server runs, after Javalin's own connector (whose port app.port() says).
      java.util.concurrent.atomic.AtomicReference<org.eclipse.jetty.server.Server> jetty =
          new java.util.concurrent.atomic.AtomicReference<>();
      config.jetty.modifyServer(jetty::set);
      config.events.serverStarted(() -> {
        ServerConnector connector = new ServerConnector(jetty.get());
        connector.setName(METRICS_CONNECTOR);
        connector.setPort(ops.metricsPort());
        jetty.get().addConnector(connector);
        connector.start();
      });
      // The metrics port answers /metrics and nothing else.
      config.routes.before(ctx -> {
        if (onMetricsPort(ctx) && !ctx.path().equals("/metrics")) {
          throw HttpProblem.of(404, "error.404.title", "error.404.message");
        }
      });
    }
  }

  /** The {@code /metrics} route, inside the route table; absent when metrics are off. */
  void routes() {
    if (metrics == null) {
      return;
    }
    boolean ownPort = ops.metricsPort() >= 0;
    get("/metrics", ctx -> {
      if (ownPort != onMetricsPort(ctx)) {
        throw HttpProblem.of(404, "error.404.title", "error.404.message");
      }
      metrics.scrape(ctx);
    });
  }

  private static boolean onMetricsPort(Context ctx) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    return request != null
        && METRICS_CONNECTOR.equals(request.getConnectionMetaData().getConnector().getName());
  }

  /** The port the metrics connector listens on, or -1 (for tests and the start-up line). */
  static int metricsPort(io.javalin.Javalin app) {
    for (var connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof ServerConnector c && METRICS_CONNECTOR.equals(c.getName())) {
        return c.getLocalPort();
      }
    }
    return -1;
  }
}
