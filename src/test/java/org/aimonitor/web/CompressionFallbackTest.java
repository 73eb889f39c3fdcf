package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * brotli4j ships its native library for one platform (linux-x86_64 here): elsewhere it cannot
 * load, and the server must still start and compress with gzip. The fallback is proved on the
 * real thing: the server runs in a JVM of its own whose brotli library cannot be loaded
 * ({@code brotli4j.library.path} names a file that does not exist, so brotli4j fails exactly as
 * on a platform it has no library for), and a client that prefers brotli gets gzip.
 */
class CompressionFallbackTest {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path dir;

  @Test
  void withoutBrotliTheServerStartsAndServesGzip() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = dir.resolve("server.log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dbrotli4j.library.path=" + dir.resolve("no-such-dir/libbrotli.so"),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"),
        "org.aimonitor.Main", "serve"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("AIM_DB_PATH", dir.resolve("monitor.db").toString());
    Process server = builder.start();
    try {
      String base = "http://127.0.0.1:" + port;
      awaitHealthy(server, base + "/healthz", log);

      HttpResponse<byte[]> page = get(base + "/");
      assertEquals(200, page.statusCode());
      assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse("none"),
          "a cached page comes gzipped when brotli cannot load");
      assertTrue(gunzip(page.body()).contains("AI Industry Monitor"));

      HttpResponse<byte[]> css = get(base + "/static/css/site.css");
      assertEquals(200, css.statusCode());
      assertEquals("gzip", css.headers().firstValue("Content-Encoding").orElse("none"),
          "a static file comes gzipped when brotli cannot load");
      assertFalse(gunzip(css.body()).isEmpty());

      assertTrue(Files.readString(log).contains("Brotli is not available here"),
          "the log says why there is no brotli");
    } finally {
      server.destroy();
      if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /** The same requests in this JVM, where brotli loads: they do get brotli, so the test above tells the two apart. */
  @Test
  void whereBrotliLoadsItIsPreferred() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Compression.BROTLI,
        "brotli4j has no native library for this platform");
    try (TestApp app = TestApp.start(dir)) {
      HttpResponse<String> page = app.get("/", "Accept-Encoding", "br, gzip");
      assertEquals("br", page.headers().firstValue("Content-Encoding").orElse("none"));
      HttpResponse<String> css = app.get("/static/css/site.css", "Accept-Encoding", "br, gzip");
      assertEquals("br", css.headers().firstValue("Content-Encoding").orElse("none"));
    }
  }

  private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Accept-Encoding", "br, gzip").header("Accept-Language", "en").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void awaitHealthy(Process server, String url, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        fail("the server without brotli stopped (exit " + server.exitValue() + "):\n"
            + Files.readString(log));
      }
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    fail("the server without brotli did not answer /healthz within 90 s:\n" + Files.readString(log));
  }
}
