package org.aimonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aimonitor.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@link Main} in its own JVM, stopped with SIGTERM as {@code docker stop} does: it must
 * exit through its shutdown hook and leave one complete database file behind.
 */
class ShutdownTest {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path dir;

  @Test
  void sigtermStopsTheServerAndLeavesNoWriteAheadLogBehind() throws Exception {
    Path db = dir.resolve("monitor.db");
    Path log = dir.resolve("app.log");
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("AIM_DB_PATH", db.toString());
    Process app = builder.start();
    try {
      awaitHealthy(app, port, log);
      assertEquals(200, get(port, "/").statusCode());

      app.destroy(); // SIGTERM on Linux
      assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the app exits after SIGTERM");
      // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited, it was not killed.
      assertEquals(143, app.exitValue(), () -> read(log));
    } finally {
      app.destroyForcibly();
    }

    String output = read(log);
    // Logged after the server has stopped: requests are done when the database is checkpointed.
    assertTrue(output.contains("checkpointed; stopped cleanly"), output);
    Path wal = dir.resolve("monitor.db-wal");
    assertTrue(!Files.exists(wal) || Files.size(wal) == 0, "no unmerged -wal file is left");
    Database reopened = Database.open(db);
    reopened.jdbi().useHandle(h -> assertEquals("ok",
        h.createQuery("PRAGMA integrity_check").mapTo(String.class).one()));
    assertEquals(Seed.OBSERVATIONS, reopened.store().observationCount());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitHealthy(Process app, int port, Path log) throws Exception {
    for (int attempt = 0; attempt < 600; attempt++) {
      if (!app.isAlive()) {
        fail("the app exited with " + app.exitValue() + " before it was healthy:\n" + read(log));
      }
      try {
        if (get(port, "/healthz").statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // Still starting.
      }
      Thread.sleep(100);
    }
    fail("the app was not healthy within a minute:\n" + read(log));
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
