package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.aimonitor.TestData;
import org.aimonitor.AppExtension;
import org.aimonitor.TestApp;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conditional requests, compression, asset caching, methods and path traversal on the real server. */
class CachingAndSecurityTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.own();

  @Test
  void pagesCarryAnETagAndAnswer304WhenUnchanged() {
    HttpResponse<String> first = app.get("/");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertTrue(first.headers().firstValue("Last-Modified").isPresent());
    HttpResponse<String> again = app.get("/", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    HttpResponse<String> since = app.get("/", "If-Modified-Since", first.headers().firstValue("Last-Modified").orElseThrow());
    assertEquals(304, since.statusCode());
    assertEquals(first.body(), app.get("/").body(), "a cached page is the page");
  }

  @Test
  void anImportInvalidatesCachedPages() {
    String before = app.get("/indicators/ai_core_industry_scale").headers().firstValue("ETag").orElseThrow();
    new Importer(app.db()).apply(List.of(new ImportFile("n.csv",
        (TestData.OBSERVATIONS_HEADER
            + "ai_core_industry_scale,CN,2019,12.5,reported,ecns-2026-03-05,1,cache test\n")
            .getBytes(StandardCharsets.UTF_8))), "test");
    HttpResponse<String> after = app.get("/indicators/ai_core_industry_scale", "If-None-Match", before);
    assertEquals(200, after.statusCode(), "the old ETag no longer matches");
    assertNotEquals(before, after.headers().firstValue("ETag").orElseThrow());
    assertTrue(after.body().contains("cache test"));
  }

  @Test
  void errorResponsesAreNotCached() {
    assertEquals(400, app.get("/indicators/ai_enterprises?from=x").statusCode());
    assertTrue(app.get("/indicators/ai_enterprises?from=x").headers().firstValue("ETag").isEmpty());
  }

  @Test
  void responsesAreCompressed() {
    HttpResponse<String> gzip = app.get("/", "Accept-Encoding", "gzip");
    assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""));
    HttpResponse<String> br = app.get("/", "Accept-Encoding", "br");
    assertEquals("br", br.headers().firstValue("Content-Encoding").orElse(""), "brotli is available on this platform");
  }

  @Test
  void ownAssetsHaveContentHashedUrlsCachedForAYear() {
    var page = Jsoup.parse(app.get("/").body());
    List<String> urls = List.of(page.selectFirst("link[rel=stylesheet]").attr("href"),
        page.selectFirst("script[src*=charts.js]").attr("src"), page.selectFirst("link[rel=icon]").attr("href"));
    for (String url : urls) {
      assertTrue(url.matches("/static/.+\\?v=[0-9a-f]{12}"), url);
      HttpResponse<String> r = app.get(url);
      assertEquals(200, r.statusCode(), url);
      assertEquals("public, max-age=31536000, immutable", r.headers().firstValue("Cache-Control").orElse(""), url);
    }
  }

  @Test
  void readOnlyRoutesAnswerOtherMethodsWith405() {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      HttpResponse<String> r = app.send(HttpRequest.newBuilder(URI.create(app.url("/indicators")))
          .method(method, HttpRequest.BodyPublishers.ofString("x")).build());
      assertEquals(405, r.statusCode(), method);
    }
  }

  @Test
  void noServerVersionIsAnnounced() {
    HttpResponse<String> r = app.get("/");
    assertTrue(r.headers().firstValue("Server").isEmpty(), r.headers().map().toString());
    assertTrue(r.headers().firstValue("X-Powered-By").isEmpty());
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/", "/healthz", "/api/v1/events", "/static/css/site.css", "/no-such-page")) {
      HttpResponse<String> r = app.get(path);
      assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("object-src 'none'"), path);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("strict-origin-when-cross-origin", r.headers().firstValue("Referrer-Policy").orElse(""), path);
      assertTrue(r.headers().firstValue("Permissions-Policy").isPresent(), path);
    }
  }

  @Test
  void hstsIsSentOnlyBehindHttps(@org.junit.jupiter.api.io.TempDir Path other) {
    assertTrue(app.get("/").headers().firstValue("Strict-Transport-Security").isEmpty());
    try (TestApp https = TestApp.start(other, java.util.Map.of("AIM_HTTPS", "true"))) {
      HttpResponse<String> r = https.get("/");
      assertEquals("max-age=31536000", r.headers().firstValue("Strict-Transport-Security").orElse(""));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/static/../web/templates/layout.html",
      "/static/%2e%2e/templates/layout.html",
      "/static/%2e%2e%2ftemplates%2flayout.html",
      "/static/..%2f..%2fMETA-INF/MANIFEST.MF",
      "/static/%252e%252e/templates/layout.html",
      "/static/..\\templates\\layout.html",
      "/static/%c0%ae%c0%ae/templates/layout.html",
      "/webjars/../web/templates/layout.html",
      "/webjars/%2e%2e/%2e%2e/web/templates/layout.html",
      "/webjars/chart.js/4.5.1/../../../../org/aimonitor/Main.class",
      "/static/../../../../../../etc/passwd",
      "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"})
  void staticAndWebjarRoutesDoNotLeaveTheirFolders(String target) {
    String response = app.raw(target);
    String status = response.substring(0, response.indexOf("\r\n"));
    assertFalse(status.contains(" 200 "), target + " -> " + status);
    assertFalse(response.contains("root:x:0:0"), target);
    assertFalse(response.contains("th:fragment"), target);
    assertFalse(response.contains("Main-Class"), target);
  }
}
