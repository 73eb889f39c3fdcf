package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimonitor.AppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Jetty refuses before a route runs is JSON on the API (issue 26): 431, 400. (A request
 * line longer than the header buffer, 414, is refused by the parser before any path is known,
 * so it keeps the short English HTML page; docs/operations.md says so.)
 */
class ApiRejectsTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  private static void assertJson(String response, int status) {
    assertTrue(response.startsWith("HTTP/1.1 " + status), response);
    String lower = response.toLowerCase();
    assertTrue(lower.contains("content-type: application/json"), response);
    assertTrue(response.contains("{\"status\":" + status + ",\"message\":\""), response);
  }

  @Test
  void tooLargeHeadersOnTheApiAreJson() {
    assertJson(app.raw("/api/v1/indicators", "X-Big: " + "b".repeat(70_000)), 431);
  }

  @Test
  void anUnreadableAddressOnTheApiIsJson() {
    assertJson(app.raw("/api/v1/indicators/%E4%B8"), 400);
  }

  @Test
  void pagesStillGetTheHtmlPage() {
    String r = app.raw("/indicators", "X-Big: " + "b".repeat(70_000));
    assertTrue(r.toLowerCase().contains("content-type: text/html"), r);
  }
}
