package org.aimonitor.metrics;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.aimonitor.store.Database;
import org.aimonitor.web.PageCache;

/**
 * {@code /metrics} in the Prometheus text format (Micrometer's Prometheus registry): requests by
 * method, route template and status with latency buckets; the page cache's hits, misses, bytes
 * and evictions; imports; the data version and the database's size; the JVM. Built only when
 * {@code AIM_METRICS} or {@code AIM_METRICS_PORT} is set, so a site without them loads none of
 * it. Every label comes from a bounded set (routes, methods, statuses), never from request text.
 */
public final class Metrics {

  /** Request latency buckets (seconds): from a cache hit to a slow render. */
  private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2),
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  /** The names the importer records under, in Micrometer's global registry. */
  public static final String IMPORTS = "aim.imports";
  public static final String IMPORT_ROWS = "aim.import.rows";
  public static final String IMPORT_DURATION = "aim.import.duration";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public Metrics(Database db, PageCache cache) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);

    FunctionCounter.builder("aim.page.cache.hits", cache, PageCache::hits)
        .description("Requests answered from the page cache").register(registry);
    FunctionCounter.builder("aim.page.cache.misses", cache, PageCache::misses)
        .description("Requests of a cached route that found no page").register(registry);
    FunctionCounter.builder("aim.page.cache.evictions", cache, PageCache::evictions)
        .description("Pages pushed out to stay within AIM_PAGE_CACHE_MB").register(registry);
    FunctionCounter.builder("aim.page.cache.refused", cache, PageCache::refused)
        .description("Requests answered 503: too many renders at once").register(registry);
    Gauge.builder("aim.page.cache.bytes", cache, PageCache::bytes).baseUnit("bytes")
        .description("Bytes of pages held (with their compressed forms)").register(registry);
    Gauge.builder("aim.page.cache.entries", cache, PageCache::size)
        .description("Pages held").register(registry);

    Gauge.builder("aim.data.version", db, d -> d.version().number())
        .description("The data version readers are served").register(registry);
    Gauge.builder("aim.last.import", db, d -> d.version().lastImport())
        .description("The number of the latest import (by this server or the command line)")
        .register(registry);
    Gauge.builder("aim.database.size", db, Metrics::databaseBytes).baseUnit("bytes")
        .description("The SQLite file and its write-ahead log").register(registry);

    // Shown at 0 before the first import; the importer counts into the same meters through
    // Micrometer's global registry, which this registry joins.
    for (String outcome : new String[] {"applied", "failed"}) {
      Counter.builder(IMPORTS).tag("outcome", outcome)
          .description("Imports applied or failed in this server (staff uploads)").register(registry);
    }
    Counter.builder(IMPORT_ROWS).description("Rows of applied imports (added, changed, unchanged)")
        .register(registry);
    Timer.builder(IMPORT_DURATION).description("How long applied imports took").register(registry);
    io.micrometer.core.instrument.Metrics.addRegistry(registry);
  }

  /** Counts one request answered in {@code millis}. */
  public void record(Context ctx, float millis) {
    Timer.builder("http.server.requests")
        .tag("method", RequestRoute.method(ctx))
        .tag("route", RequestRoute.of(ctx))
        .tag("status", Integer.toString(ctx.statusCode()))
        .serviceLevelObjectives(BUCKETS)
        .description("HTTP requests by method, route template and status")
        .register(registry)
        .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
  }

  /** {@code GET /metrics}: the text format Prometheus scrapes. */
  public void scrape(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
    ctx.result(registry.scrape());
  }

  /** Leaves Micrometer's global registry (a stopped app counts nothing more). */
  public void close() {
    io.micrometer.core.instrument.Metrics.removeRegistry(registry);
    registry.close();
  }

  private static double databaseBytes(Database db) {
    Path file = db.file();
    return size(file) + size(Path.of(file + "-wal"));
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
