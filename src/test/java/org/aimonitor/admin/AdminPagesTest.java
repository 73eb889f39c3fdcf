package org.aimonitor.admin;

import static org.aimonitor.admin.AdminApiTest.NEW_ROW;
import static org.aimonitor.admin.AdminApiTest.OBS;
import static org.aimonitor.admin.AdminApiTest.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aimonitor.TestApp;
import org.aimonitor.importer.DatabaseDump;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staff pages in a browser's shoes: sign-in cookie, CSRF, preview, confirm, import log. */
class AdminPagesTest {

  @TempDir
  Path dir;

  /** A browser session: the admin cookie it holds after signing in. */
  record Browser(TestApp app, String cookie) {

    HttpResponse<String> get(String path) {
      return app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
          .header("Cookie", "aim_admin=" + cookie).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
      String body = fields.entrySet().stream()
          .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      return app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
          .header("Cookie", "aim_admin=" + cookie)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> postMultipart(String path, MultipartBody body) {
      return app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
          .header("Cookie", "aim_admin=" + cookie)
          .header("Content-Type", body.contentType())
          .POST(body.publisher()).build());
    }

    /** The CSRF token the upload form carries. */
    String csrf() {
      return Jsoup.parse(get("/admin/import").body()).selectFirst("form[action=/admin/import/preview] input[name=csrf]").val();
    }
  }

  static HttpResponse<String> login(TestApp app, String token) {
    return app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/login")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
        .build());
  }

  static Browser signIn(TestApp app) {
    HttpResponse<String> r = login(app, TOKEN);
    assertEquals(303, r.statusCode());
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return new Browser(app, setCookie.substring("aim_admin=".length(), setCookie.indexOf(';')));
  }

  static List<String> attributes(String setCookie) {
    return Arrays.stream(setCookie.split(";")).map(String::strip).toList();
  }

  @Test
  void signingInSetsAnHttpOnlyStrictSessionCookieAndOpensTheUploadPage() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      HttpResponse<String> r = login(app, TOKEN);
      assertEquals(303, r.statusCode());
      assertEquals("/admin/import", r.headers().firstValue("Location").orElseThrow());
      String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
      List<String> attributes = attributes(setCookie);
      assertTrue(attributes.get(0).matches("aim_admin=[A-Za-z0-9_-]{43}"), setCookie);
      assertFalse(setCookie.contains(TOKEN), "the cookie is a session id, never the token");
      assertTrue(attributes.contains("HttpOnly"), setCookie);
      assertTrue(attributes.contains("SameSite=Strict"), setCookie);
      assertTrue(attributes.contains("Path=/admin"), setCookie);
      assertFalse(attributes.contains("Secure"), "plain HTTP unless AIM_HTTPS=true");

      Browser browser = new Browser(app, attributes.get(0).substring("aim_admin=".length()));
      HttpResponse<String> page = browser.get("/admin/import");
      assertEquals(200, page.statusCode());
      assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
      Element input = Jsoup.parse(page.body()).selectFirst("form[enctype=multipart/form-data] input[type=file]");
      assertNotNull(input);
      assertTrue(input.hasAttr("multiple"));
      assertEquals(".csv,text/csv", input.attr("accept"));
    }
  }

  @Test
  void theCookieIsSecureWhenTheSiteIsServedOverHttps() {
    try (TestApp app = TestApp.start(dir, Map.of("AIM_ADMIN_TOKEN", TOKEN, "AIM_HTTPS", "true"))) {
      String setCookie = login(app, TOKEN).headers().firstValue("Set-Cookie").orElseThrow();
      assertTrue(attributes(setCookie).contains("Secure"), setCookie);
    }
  }

  @Test
  void aWrongTokenIs401WithTheFormAgainAndNoCookie() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      HttpResponse<String> r = login(app, "not-the-token-at-all");
      assertEquals(401, r.statusCode());
      assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
      Document page = Jsoup.parse(r.body());
      assertEquals("That token is not correct. Check it and try again.", page.selectFirst("[role=alert]").text());
      assertNotNull(page.selectFirst("form[action=/admin/login] input[name=token][type=password]"));
      assertEquals(401, login(app, "").statusCode());
    }
  }

  @Test
  void pagesWithoutASessionSendTheBrowserToSignIn() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      for (String path : List.of("/admin/import", "/admin/imports")) {
        HttpResponse<String> r = app.get(path);
        assertEquals(303, r.statusCode(), path);
        assertEquals("/admin/login", r.headers().firstValue("Location").orElseThrow());
      }
      Browser stranger = new Browser(app, "made-up-session-id");
      assertEquals(303, stranger.get("/admin/import").statusCode());
      HttpResponse<String> post = stranger.postMultipart("/admin/import/preview",
          new MultipartBody().field("csrf", "x").file("files", "o.csv", OBS + NEW_ROW));
      assertEquals(401, post.statusCode());
      assertTrue(Jsoup.parse(post.body()).selectFirst("[role=alert]").text().contains("Nothing was imported"));
    }
  }

  @Test
  void formPostsWithoutTheRightCsrfTokenAre403AndChangeNothing() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Browser browser = signIn(app);
      String before = DatabaseDump.of(app.db());
      HttpResponse<String> missing = browser.postMultipart("/admin/import/preview",
          new MultipartBody().file("files", "o.csv", OBS + NEW_ROW));
      assertEquals(403, missing.statusCode());
      HttpResponse<String> wrong = browser.postMultipart("/admin/import/preview",
          new MultipartBody().field("csrf", "forged").file("files", "o.csv", OBS + NEW_ROW));
      assertEquals(403, wrong.statusCode());
      assertEquals("Form not accepted", Jsoup.parse(wrong.body()).selectFirst("h1").text());

      // Another session's token does not fit this session.
      String otherCsrf = signIn(app).csrf();
      assertEquals(403, browser.postMultipart("/admin/import/preview",
          new MultipartBody().field("csrf", otherCsrf).file("files", "o.csv", OBS + NEW_ROW)).statusCode());
      assertEquals(403, browser.postForm("/admin/import/apply", Map.of("preview", "x")).statusCode());
      assertEquals(403, browser.postForm("/admin/logout", Map.of()).statusCode());
      assertEquals(before, DatabaseDump.of(app.db()));
    }
  }

  @Test
  void aPreviewShowsTheChangesAndConfirmingAppliesThem() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Browser browser = signIn(app);
      String csrf = browser.csrf();
      String before = DatabaseDump.of(app.db());
      long version = AdminApiTest.dataVersion(app);
      String changed = "ai_core_industry_scale,CN,2024,950,lower_bound,xinhua-2025-10-01,1,note\n";
      String current = app.db().jdbi().withHandle(h -> h.createQuery("SELECT value || ' ' || qualifier "
          + "FROM observation WHERE indicator = 'ai_core_industry_scale' AND region = 'CN' AND period = '2024' "
          + "AND source = 'xinhua-2025-10-01'").mapTo(String.class).one());

      HttpResponse<String> preview = browser.postMultipart("/admin/import/preview", new MultipartBody()
          .field("csrf", csrf)
          .file("files", "new.csv", OBS + NEW_ROW + changed));
      assertEquals(200, preview.statusCode(), preview.body());
      assertEquals(before, DatabaseDump.of(app.db()), "a preview writes nothing");
      Document page = Jsoup.parse(preview.body());
      assertEquals("Check the import", page.selectFirst("h1").text());
      assertTrue(page.selectFirst(".admin-summary").text().contains("1 added, 1 changed"), page.selectFirst(".admin-summary").text());
      Element file = page.selectFirst("table.import-files tbody tr");
      assertEquals("new.csv", file.selectFirst("th").text());
      assertEquals(64, file.selectFirst(".sha__full").text().length());
      List<String> where = page.select("table.import-changes tbody tr td:first-child").eachText();
      assertEquals(List.of("new.csv:2", "new.csv:3"), where);
      List<String> fields = page.select("table.import-changes .change-fields li").eachText();
      assertEquals("value: " + current.split(" ")[0] + " → 950", fields.get(0));
      assertTrue(fields.stream().anyMatch(f -> f.startsWith("qualifier: ") && f.endsWith(" → lower_bound"))
          || current.endsWith("lower_bound"), fields.toString());

      Element confirm = page.selectFirst("form[action=/admin/import/apply]");
      assertEquals(csrf, confirm.selectFirst("input[name=csrf]").val());
      String previewId = confirm.selectFirst("input[name=preview]").val();
      HttpResponse<String> applied = browser.postForm("/admin/import/apply",
          Map.of("csrf", csrf, "preview", previewId));
      assertEquals(200, applied.statusCode(), applied.body());
      Document result = Jsoup.parse(applied.body());
      assertEquals("Import applied", result.selectFirst("h1").text());
      assertNotNull(result.selectFirst("a[href=/admin/imports]"));
      int observations = app.db().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM observation")
          .mapTo(Integer.class).one());
      assertEquals(146, observations);
      assertNotEquals(version, AdminApiTest.dataVersion(app), "the data version moved on");
      assertEquals("admin token (web)", app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT who FROM import_log ORDER BY id DESC LIMIT 1").mapTo(String.class).one()));

      HttpResponse<String> twice = browser.postForm("/admin/import/apply", Map.of("csrf", csrf, "preview", previewId));
      assertEquals(410, twice.statusCode(), "a preview is applied once");
    }
  }

  @Test
  void aPreviewOfInvalidFilesListsEveryErrorByFileLineAndColumnAndOffersNoConfirm() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Browser browser = signIn(app);
      String before = DatabaseDump.of(app.db());
      HttpResponse<String> r = browser.postMultipart("/admin/import/preview", new MultipartBody()
          .field("csrf", browser.csrf())
          .file("files", "good.csv", OBS + NEW_ROW)
          .file("files", "bad.csv", OBS + NEW_ROW.replace("2019", "2019-13").replace("12.5", "NaN")));
      assertEquals(422, r.statusCode());
      Document page = Jsoup.parse(r.body());
      assertEquals("Import refused", page.selectFirst("h1").text());
      assertEquals(List.of("bad.csv:2:3", "bad.csv:2:4"), page.select(".import-errors__where").eachText());
      assertNull(page.selectFirst("form[action=/admin/import/apply]"));
      assertEquals(before, DatabaseDump.of(app.db()));
    }
  }

  @Test
  void aPreviewThatChangesNothingSaysSoAndOffersNoConfirm() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Browser browser = signIn(app);
      AdminApiTest.postCsv(app, "", OBS + NEW_ROW);
      HttpResponse<String> r = browser.postMultipart("/admin/import/preview", new MultipartBody()
          .field("csrf", browser.csrf()).file("files", "same.csv", OBS + NEW_ROW));
      Document page = Jsoup.parse(r.body());
      assertTrue(page.selectFirst(".admin-alert--info").text().startsWith("Nothing to import"));
      assertNull(page.selectFirst("form[action=/admin/import/apply]"));
    }
  }

  @Test
  void anOversizePreviewIs413AndTheServerKeepsAnswering() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Browser browser = signIn(app);
      byte[] big = new byte[6 * 1024 * 1024];
      Arrays.fill(big, (byte) 'a');
      HttpResponse<String> r = browser.postMultipart("/admin/import/preview",
          new MultipartBody().field("csrf", browser.csrf()).file("files", "big.csv", big));
      assertEquals(413, r.statusCode());
      assertEquals("Upload too large", Jsoup.parse(r.body()).selectFirst("h1").text());
      assertEquals(200, app.get("/healthz").statusCode());
      assertEquals(200, browser.get("/admin/import").statusCode());
    }
  }

  @Test
  void theImportLogListsEveryImportNewestFirstWithTheSeedLast() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      AdminApiTest.postCsv(app, "?name=first.csv", OBS + NEW_ROW);
      Browser browser = signIn(app);
      HttpResponse<String> r = browser.get("/admin/imports");
      assertEquals(200, r.statusCode());
      Document page = Jsoup.parse(r.body());
      List<Element> rows = page.select("table.import-log tbody tr");
      assertEquals(2, rows.size());
      assertEquals("admin token (API)", rows.get(0).select("td").get(2).text());
      assertTrue(rows.get(0).text().contains("first.csv"));
      assertEquals("seed", rows.get(1).select("td").get(2).text());
      assertEquals(List.of("sources.csv", "indicators.csv", "observations.csv", "events.csv"),
          rows.get(1).select(".import-log__files > li > span:first-child").eachText());
      assertEquals("281", rows.get(1).select("td").get(4).text(), "the seed added every row of the four files");
      Element sha = rows.get(1).selectFirst("details.sha");
      assertEquals(64, sha.selectFirst(".sha__full").text().length());
      assertTrue(sha.selectFirst("summary").text().endsWith("…"));
    }
  }

  @Test
  void theImportLogAcceptsABearerTokenToo() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      HttpResponse<String> ok = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/imports")))
          .header("Authorization", "Bearer " + TOKEN).GET().build());
      assertEquals(200, ok.statusCode());
      assertEquals(1, Jsoup.parse(ok.body()).select("table.import-log tbody tr").size());
      assertNull(Jsoup.parse(ok.body()).selectFirst("form[action=/admin/logout]"), "no session to end");
      HttpResponse<String> wrong = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/imports")))
          .header("Authorization", "Bearer wrong-token").GET().build());
      assertEquals(403, wrong.statusCode());
    }
  }

  @Test
  void signingOutEndsTheSession() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Browser browser = signIn(app);
      HttpResponse<String> r = browser.postForm("/admin/logout", Map.of("csrf", browser.csrf()));
      assertEquals(303, r.statusCode());
      List<String> cleared = attributes(r.headers().firstValue("Set-Cookie").orElseThrow());
      assertEquals("aim_admin=", cleared.get(0));
      assertTrue(cleared.contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"), cleared.toString());
      assertEquals(303, browser.get("/admin/import").statusCode(), "the old cookie no longer works");
    }
  }

  @Test
  void adminPagesHaveNoInlineScriptsOrStyles() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Browser browser = signIn(app);
      List<String> bodies = List.of(app.get("/admin/login").body(), browser.get("/admin/import").body(),
          browser.get("/admin/imports").body(),
          browser.postMultipart("/admin/import/preview", new MultipartBody().field("csrf", browser.csrf())
              .file("files", "o.csv", OBS + NEW_ROW)).body());
      for (String body : bodies) {
        Document page = Jsoup.parse(body);
        assertTrue(page.select("[style]").isEmpty());
        assertTrue(page.select("style").isEmpty());
        page.select("script").forEach(s -> assertTrue(s.hasAttr("src") || s.attr("type").equals("application/json")));
        page.getAllElements().forEach(e -> e.attributes().forEach(a ->
            assertFalse(a.getKey().startsWith("on"), a.getKey())));
        page.select("form").forEach(f -> assertTrue(f.attr("action").startsWith("/admin/"), f.attr("action")));
      }
    }
  }
}
