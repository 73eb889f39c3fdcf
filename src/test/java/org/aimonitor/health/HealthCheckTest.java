package org.aimonitor.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container's HEALTHCHECK command against a real server. */
class HealthCheckTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

  private String printed() {
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void passesWhenTheServerAnswersHealthy() {
    try (TestApp app = TestApp.start(dir)) {
      assertTrue(HealthCheck.check(URI.create(app.url("/healthz")), out), printed());
      assertTrue(printed().startsWith("healthy: 200"), printed());
    }
  }

  @Test
  void failsWhenTheDatabaseCannotBeRead() {
    try (TestApp app = TestApp.start(dir)) {
      app.db().jdbi().useHandle(h -> h.execute("DROP TABLE data_version"));
      assertFalse(HealthCheck.check(URI.create(app.url("/healthz")), out));
      assertTrue(printed().startsWith("unhealthy: 503"), printed());
    }
  }

  @Test
  void failsWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertFalse(HealthCheck.check(URI.create("http://127.0.0.1:" + port + "/healthz"), out));
    assertTrue(printed().contains("unreachable"), printed());
  }
}
