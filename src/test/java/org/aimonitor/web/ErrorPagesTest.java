package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.aimonitor.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorPagesTest {

  @TempDir
  Path dir;

  @Test
  void unknownPathsGetA404PageInTheSiteLayout() {
    try (TestApp app = TestApp.start(dir)) {
      HttpResponse<String> r = app.get("/no/such/page");
      assertEquals(404, r.statusCode());
      Document page = Jsoup.parse(r.body());
      assertEquals("Page not found", page.selectFirst("h1").text());
      assertTrue(page.selectFirst(".site-header") != null, "uses the site layout");
      assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent());
    }
  }

  @Test
  void aFailingPageGetsA500PageWithoutAStackTrace() {
    try (TestApp app = TestApp.start(dir)) {
      app.db().jdbi().useHandle(h -> h.execute("DROP TABLE event"));
      HttpResponse<String> r = app.get("/");
      assertEquals(500, r.statusCode());
      Document page = Jsoup.parse(r.body());
      assertEquals("Something went wrong", page.selectFirst("h1").text());
      assertFalse(r.body().contains("Exception"), "no exception names");
      assertFalse(r.body().contains("at org."), "no stack frames");
      assertFalse(r.body().contains("SQL"), "no SQL");
    }
  }

  @Test
  void malformedPercentEncodingIsAClientErrorWithoutAStackTrace() {
    try (TestApp app = TestApp.start(dir)) {
      String response = app.raw("/%E0%A4%A");
      assertTrue(response.startsWith("HTTP/1.1 400"), response);
      assertFalse(response.contains("at org."), response);
      assertFalse(response.contains("Exception"), response);
    }
  }

  @Test
  void theFaviconRequestIsAnsweredSoBrowsersLogNoError() {
    try (TestApp app = TestApp.start(dir)) {
      HttpResponse<String> r = app.get("/favicon.ico");
      assertEquals(301, r.statusCode());
      String location = r.headers().firstValue("Location").orElseThrow();
      assertEquals(200, app.get(location).statusCode());
    }
  }
}
