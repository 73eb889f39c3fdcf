package org.aimonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.SeededDatabase;
import org.aimonitor.config.Settings;
import org.aimonitor.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /metrics read by a real Prometheus parser (Debian's python3-prometheus-client): the families
 * an operator expects, and labels bounded by the routes whatever clients send.
 */
class MetricsTest {

  @TempDir
  Path dir;

  /** Parses the text format; prints one line per sample: name, then its labels sorted. */
  private static final String PARSER = """
      import sys
      from prometheus_client.parser import text_string_to_metric_families
      for family in text_string_to_metric_families(sys.stdin.read()):
          for s in family.samples:
              print(s.name + " " + ",".join(k + "=" + v for k, v in sorted(s.labels.items())))
      """;

  private Javalin start(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("PORT", "0");
    all.put("AIM_DB_PATH", dir.resolve("monitor.db").toString());
    Settings settings = Settings.fromEnvironment(all);
    Database db = SeededDatabase.open(settings.dbPath());
    return App.create(settings, db).start("127.0.0.1", 0);
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> parse(String text) throws Exception {
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", PARSER).redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "the parser accepts the output:\n" + out);
    return out.lines().toList();
  }

  @Test
  void twoThousandDistinctQueriesMakeNoMoreSeriesThanTheRoutes() throws Exception {
    Javalin app = start(Map.of("AIM_METRICS", "true"));
    try {
      int port = app.port();
      for (int i = 0; i < 2_000; i++) {
        String path = switch (i % 4) {
          case 0 -> "/?utm_source=s" + i;
          case 1 -> "/indicators?page=1&x=" + i;
          case 2 -> "/indicators/no_such_code_" + i;
          default -> "/no/such/page/" + i;
        };
        get(port, path);
      }
      HttpResponse<String> scraped = get(port, "/metrics");
      assertEquals(200, scraped.statusCode());
      assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      List<String> samples = parse(scraped.body());

      List<String> requests = samples.stream()
          .filter(s -> s.startsWith("http_server_requests_seconds_count ")).toList();
      assertTrue(requests.contains(
          "http_server_requests_seconds_count method=GET,route=/,status=200"), requests.toString());
      assertTrue(requests.contains(
          "http_server_requests_seconds_count method=GET,route=/indicators/{code},status=404"), requests.toString());
      assertTrue(requests.contains(
          "http_server_requests_seconds_count method=GET,route=NOT_FOUND,status=404"), requests.toString());
      assertTrue(requests.size() <= 6, "series by route, not by address: " + requests);
      assertTrue(samples.size() < 2_000, samples.size() + " samples in all");
      assertFalse(samples.stream().anyMatch(s -> s.contains("utm") || s.contains("no_such")),
          "no request text in any label");
      for (String family : List.of("http_server_requests_seconds_bucket", "aim_page_cache_hits_total",
          "aim_page_cache_misses_total", "aim_page_cache_bytes", "aim_page_cache_evictions_total",
          "aim_imports_total", "aim_import_rows_total", "aim_import_duration_seconds_count",
          "aim_database_size_bytes", "aim_data_version", "jvm_memory_used_bytes", "jvm_gc_pause_seconds_count",
          "process_uptime_seconds")) {
        assertTrue(samples.stream().anyMatch(s -> s.startsWith(family + " ")), family + " is exposed");
      }
    } finally {
      app.stop();
    }
  }

  @Test
  void offUnlessSwitchedOn() throws Exception {
    Javalin app = start(Map.of());
    try {
      assertEquals(404, get(app.port(), "/metrics").statusCode());
    } finally {
      app.stop();
    }
  }

  @Test
  void onItsOwnPortMetricsAreServedThereAndNowhereElse() throws Exception {
    Javalin app = start(Map.of("AIM_METRICS_PORT", "0"));
    try {
      int metricsPort = Observability.metricsPort(app);
      assertTrue(metricsPort > 0);
      assertTrue(metricsPort != app.port(), "two ports");
      assertEquals(200, get(app.port(), "/").statusCode());
      assertEquals(404, get(app.port(), "/metrics").statusCode(), "not on the public port");
      assertEquals(404, get(metricsPort, "/").statusCode(), "and the site is not on the metrics port");
      HttpResponse<String> scraped = get(metricsPort, "/metrics");
      assertEquals(200, scraped.statusCode());
      assertTrue(parse(scraped.body()).contains(
          "http_server_requests_seconds_count method=GET,route=/,status=200"));
    } finally {
      app.stop();
    }
  }
}
