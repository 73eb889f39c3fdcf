package org.aimonitor.health;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.aimonitor.config.Settings;

/**
 * The container's HEALTHCHECK command: asks this machine's {@code /healthz} and exits 0 when it
 * answers 200, 1 otherwise, so the runtime image needs neither curl nor wget.
 * Run as {@code java -cp ai-industry-monitor.jar org.aimonitor.health.HealthCheck}.
 */
public final class HealthCheck {

  /** Well under the HEALTHCHECK's own timeout, so a hung server reads as unhealthy, not as a killed probe. */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private HealthCheck() {
  }

  public static void main(String[] args) {
    int port;
    try {
      port = Settings.fromEnvironment(System.getenv()).port();
    } catch (IllegalArgumentException e) {
      System.out.println("unhealthy: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.exit(check(URI.create("http://127.0.0.1:" + port + "/healthz"), System.out) ? 0 : 1);
  }

  /** GETs {@code uri}, prints one line about the answer, and says whether it was a 200. */
  static boolean check(URI uri, PrintStream out) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      boolean healthy = response.statusCode() == 200;
      out.println((healthy ? "healthy: " : "unhealthy: ") + response.statusCode() + " "
          + response.body());
      return healthy;
    } catch (IOException e) {
      out.println("unhealthy: " + uri + " unreachable (" + e + ")");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("unhealthy: interrupted");
      return false;
    }
  }
}
