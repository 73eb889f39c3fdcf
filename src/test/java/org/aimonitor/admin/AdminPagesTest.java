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

  /**
   * A browser session: the admin cookie it holds after signing in, and the Accept-Language it
   * sends (null: none, which means English).
   */
  record Browser(TestApp app, String cookie, String acceptLanguage) {

    Browser(TestApp app, String cookie) {
      this(app, cookie, null);
    }

    /** The same session in a browser set to {@code language}. */
    Browser speaking(String language) {
      return new Browser(app, cookie, language);
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)))
          .header("Cookie", "aim_admin=" + cookie);
      if (acceptLanguage != null) {
        b.header("Accept-Language", acceptLanguage);
      }
      return b;
    }

    HttpResponse<String> get(String path) {
      return app.send(request(path).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
      String body = fields.entrySet().stream()
          .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      return app.send(request(path)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> postMultipart(String path, MultipartBody body) {
      return app.send(request(path)
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
      assertEquals(".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          input.attr("accept"), "CSV files and workbooks");
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
      HttpResponse<String> tooLong = browser.postForm("/admin/import/apply",
          Map.of("csrf", csrf, "preview", previewId, "reason", "x".repeat(501)));
      assertEquals(400, tooLong.statusCode(), "a reason over the limit is refused before the preview is used");
      HttpResponse<String> applied = browser.postForm("/admin/import/apply",
          Map.of("csrf", csrf, "preview", previewId, "reason", "A 2019 figure"));
      assertEquals(200, applied.statusCode(), applied.body());
      Document result = Jsoup.parse(applied.body());
      assertEquals("Import applied", result.selectFirst("h1").text());
      assertNotNull(result.selectFirst("a[href=/admin/imports]"));
      int observations = app.db().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM observation")
          .mapTo(Integer.class).one());
      assertEquals(org.aimonitor.Seed.OBSERVATIONS + 1, observations);
      assertNotEquals(version, AdminApiTest.dataVersion(app), "the data version moved on");
      assertEquals("admin token (web)", app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT who FROM import_log ORDER BY id DESC LIMIT 1").mapTo(String.class).one()));
      assertEquals("A 2019 figure", app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT reason FROM import_log ORDER BY id DESC LIMIT 1").mapTo(String.class).one()));
      assertTrue(Jsoup.parse(browser.get("/admin/imports").body()).selectFirst(".import-log__reason").text()
          .contains("A 2019 figure"), "the import log shows it");

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
      assertEquals(List.of("languages.csv", "categories.csv", "units.csv", "regions.csv", "aliases.csv", "sources.csv", "indicators.csv", "observations.csv", "events.csv", "schedules.csv"),
          rows.get(1).select(".import-log__files > li > span:first-child").eachText());
      assertEquals(String.valueOf(org.aimonitor.Seed.LANGUAGES + org.aimonitor.Seed.CATEGORIES
          + org.aimonitor.Seed.UNITS + org.aimonitor.Seed.REGIONS + org.aimonitor.Seed.SOURCES
          + org.aimonitor.Seed.INDICATORS + org.aimonitor.Seed.OBSERVATIONS + org.aimonitor.Seed.EVENTS
          + org.aimonitor.Seed.SCHEDULES + org.aimonitor.Seed.ALIASES), rows.get(1).select("td").get(4).text(), "the seed added every row of the ten files");
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
        // Every form but the header's search (a GET to /search, on every page) is the staff's.
        page.select("form:not([role=search])").forEach(f -> assertTrue(f.attr("action").startsWith("/admin/"), f.attr("action")));
      }
    }
  }

  // ---- In Chinese ----------------------------------------------------------------------------

  private static final String ZH = "zh-CN,zh;q=0.9";

  private static Document zhPage(HttpResponse<String> r) {
    Document page = Jsoup.parse(r.body());
    assertEquals("zh-CN", page.selectFirst("html").attr("lang"), r.uri().toString());
    return page;
  }

  @Test
  void theSignInPageSpeaksChineseToAChineseBrowser() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Document page = zhPage(app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/login")))
          .header("Accept-Language", ZH).GET().build()));
      assertEquals("工作人员登录", page.selectFirst("h1").text());
      assertEquals("登录 · 人工智能产业监测", page.selectFirst("title").text());
      assertEquals("管理令牌", page.selectFirst("label[for=token]").text());
      assertEquals("登录", page.selectFirst("form[action=/admin/login] button").text());
      assertTrue(page.selectFirst(".admin-hint").text().contains("保持登录8小时"), page.selectFirst(".admin-hint").text());
      assertEquals("AIM_ADMIN_TOKEN", page.selectFirst(".admin-hint code").text());

      HttpResponse<String> wrong = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/login?lang=zh")))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("token=wrong")).build());
      assertEquals(401, wrong.statusCode());
      assertEquals("令牌不正确。请检查后重试。", zhPage(wrong).selectFirst("[role=alert]").text());

      HttpResponse<String> ended = new Browser(app, "made-up-session-id", ZH).postMultipart("/admin/import/preview",
          new MultipartBody().field("csrf", "x").file("files", "o.csv", OBS + NEW_ROW));
      assertEquals(401, ended.statusCode());
      assertEquals("你的管理会话已结束（会话有效期为8小时）。未导入任何内容；请重新登录，再上传一次。",
          zhPage(ended).selectFirst("[role=alert]").text());
    }
  }

  @Test
  void theUploadFormPreviewAndResultSpeakChineseWithTheCsvsOwnWordsMarkedEnglish() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Browser browser = signIn(app).speaking(ZH);
      Document form = zhPage(browser.get("/admin/import"));
      assertEquals("导入数据", form.selectFirst("h1").text());
      assertEquals(List.of("工作人员", "导入数据", "导入记录", "退出登录"),
          List.of(form.selectFirst(".admin-bar__title").text(), form.select(".admin-bar a").get(0).text(),
              form.select(".admin-bar a").get(1).text(), form.selectFirst(".admin-bar button").text()));
      assertEquals("管理", form.selectFirst("nav.admin-bar").attr("aria-label"));
      assertEquals("CSV文件", form.selectFirst("label[for=files]").text());
      assertTrue(form.selectFirst(".admin-form .admin-hint").text().startsWith("每次上传的所有文件合计不超过5 MB（5242880字节）"),
          form.selectFirst(".admin-form .admin-hint").text());
      assertEquals("检查文件", form.selectFirst("form[action=/admin/import/preview] button").text());
      assertEquals("导入会做什么", form.getElementById("how-title").text());
      assertNotNull(form.selectFirst(".admin-notes a[href=/admin/imports]"), "the links inside the text survive");

      String changed = "ai_core_industry_scale,CN,2024,950,lower_bound,xinhua-2025-10-01,1,note\n";
      HttpResponse<String> preview = browser.postMultipart("/admin/import/preview", new MultipartBody()
          .field("csrf", browser.csrf()).file("files", "new.csv", OBS + NEW_ROW + changed));
      assertEquals(200, preview.statusCode(), preview.body());
      Document page = zhPage(preview);
      assertEquals("检查导入内容", page.selectFirst("h1").text());
      assertTrue(page.selectFirst(".admin-summary").text().matches("尚未写入任何内容。确认后将：新增1行，修改1行，\\d+行不变。"),
          page.selectFirst(".admin-summary").text());
      assertEquals(List.of("文件", "识别为", "行数", "新增", "修改", "未变", "SHA-256"),
          page.select("table.import-files th[scope=col]").eachText());
      assertEquals("观测数据", page.selectFirst("table.import-files tbody td").text());
      assertEquals("将新增或修改的行", page.getElementById("changes-caption").text());
      assertEquals(List.of("新增", "修改"), page.select("table.import-changes .change-kind").eachText());
      assertEquals(List.of("added", "changed"), page.select("table.import-changes tbody tr").eachAttr("class"),
          "the colour classes keep their codes");
      assertEquals("观测数据", page.select("table.import-changes tbody tr").get(0).select("td").get(2).text());
      assertEquals("新行", page.selectFirst("table.import-changes .empty").text());
      assertEquals("en", page.selectFirst(".change-fields").attr("lang"), "CSV column names and values");
      Element confirm = page.selectFirst("form[action=/admin/import/apply]");
      assertEquals("确认导入", confirm.selectFirst("button").text());
      assertEquals("取消", confirm.selectFirst("a").text());
      assertEquals("确认时会再次检查文件；此预览保留30分钟。", confirm.select("> .admin-hint").first().text());
      assertEquals("本次导入的原因", confirm.selectFirst("label[for=reason]").text());

      HttpResponse<String> applied = browser.postForm("/admin/import/apply",
          Map.of("csrf", browser.csrf(), "preview", confirm.selectFirst("input[name=preview]").val()));
      assertEquals(200, applied.statusCode(), applied.body());
      Document result = zhPage(applied);
      assertEquals("导入已完成", result.selectFirst("h1").text());
      assertTrue(result.selectFirst(".admin-summary").text()
          .matches("已记录为导入#\\d+：新增1行，修改1行，\\d+行不变。 请查看导入记录，或继续导入文件。"),
          result.selectFirst(".admin-summary").text());
      assertEquals("导入记录", result.selectFirst(".admin-summary a[href=/admin/imports]").text());
      assertEquals("已新增或修改的行", result.getElementById("changes-caption").text());

      HttpResponse<String> twice = browser.postForm("/admin/import/apply",
          Map.of("csrf", browser.csrf(), "preview", confirm.selectFirst("input[name=preview]").val()));
      assertEquals(410, twice.statusCode());
      Document gone = zhPage(twice);
      assertEquals("预览已失效", gone.selectFirst("h1").text());
      assertTrue(gone.selectFirst(".error-message").text().startsWith("此预览已被应用或已过期（预览保留30分钟）。"),
          gone.selectFirst(".error-message").text());
    }
  }

  @Test
  void aRefusedImportInChineseCountsTheErrorsInChineseAndMarksTheImportersEnglishMessages() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Browser browser = signIn(app).speaking(ZH);
      HttpResponse<String> r = browser.postMultipart("/admin/import/preview", new MultipartBody()
          .field("csrf", browser.csrf())
          .file("files", "bad.csv", OBS + NEW_ROW.replace("2019", "2019-13").replace("12.5", "NaN")));
      assertEquals(422, r.statusCode());
      Document page = zhPage(r);
      assertEquals("导入被拒绝", page.selectFirst("h1").text());
      assertEquals("未写入任何内容。文件中有2个错误；请改正后重新上传（错误说明为英文）。",
          page.selectFirst("[role=alert]").text());
      assertEquals(List.of("bad.csv:2:3", "bad.csv:2:4"), page.select(".import-errors__where").eachText());
      assertEquals(List.of("en", "en"), page.select(".import-errors__message").eachAttr("lang"));
      assertEquals("上传文件", page.selectFirst("a.button[href=/admin/import]").text());

      Browser en = signIn(app);
      HttpResponse<String> one = en.postMultipart("/admin/import/preview", new MultipartBody()
          .field("csrf", en.csrf()).file("files", "bad.csv", OBS + NEW_ROW.replace("12.5", "NaN")));
      assertEquals(422, one.statusCode());
      assertTrue(Jsoup.parse(one.body()).selectFirst("[role=alert]").text().contains("The files have 1 error;"),
          "English counts one error in the singular");
      assertFalse(Jsoup.parse(one.body()).selectFirst(".import-errors__message").hasAttr("lang"));
    }
  }

  @Test
  void refusedFormsAndUploadsAreErrorPagesInChinese() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Browser browser = signIn(app).speaking(ZH);
      HttpResponse<String> forged = browser.postMultipart("/admin/import/preview",
          new MultipartBody().field("csrf", "forged").file("files", "o.csv", OBS + NEW_ROW));
      assertEquals(403, forged.statusCode());
      assertEquals("表单未被接受", zhPage(forged).selectFirst("h1").text());
      assertEquals("错误403", zhPage(forged).selectFirst(".error-status").text());

      HttpResponse<String> empty = browser.postMultipart("/admin/import/preview",
          new MultipartBody().field("csrf", browser.csrf()));
      assertEquals(400, empty.statusCode());
      assertEquals("没有上传任何文件。请选择一个或多个CSV文件。", zhPage(empty).selectFirst(".error-message").text());

      byte[] big = new byte[6 * 1024 * 1024];
      Arrays.fill(big, (byte) 'a');
      HttpResponse<String> tooBig = browser.postMultipart("/admin/import/preview",
          new MultipartBody().field("csrf", browser.csrf()).file("files", "big.csv", big));
      assertEquals(413, tooBig.statusCode());
      Document page = zhPage(tooBig);
      assertEquals("上传内容过大", page.selectFirst("h1").text());
      assertTrue(page.selectFirst(".error-message").text().matches("本次上传为\\d+字节，每次请求的上限为5242880字节（5 MB）。.+"),
          page.selectFirst(".error-message").text());

      Browser en = signIn(app);
      HttpResponse<String> english = en.postMultipart("/admin/import/preview",
          new MultipartBody().field("csrf", en.csrf()).file("files", "big.csv", big));
      assertEquals(413, english.statusCode());
      assertTrue(Jsoup.parse(english.body()).selectFirst(".error-message").text()
          .matches("The upload is [\\d,]+ bytes; the limit is 5,242,880 bytes \\(5 MB\\) per request\\. Split .+"),
          Jsoup.parse(english.body()).selectFirst(".error-message").text());

      HttpResponse<String> wrongBearer = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/imports")))
          .header("Authorization", "Bearer wrong-token").header("Accept-Language", ZH).GET().build());
      assertEquals(403, wrongBearer.statusCode());
      assertEquals("禁止访问", zhPage(wrongBearer).selectFirst("h1").text());
      assertEquals("管理令牌无效。", zhPage(wrongBearer).selectFirst(".error-message").text());
    }
  }

  @Test
  void theImportLogInChineseWritesDatesAndFilesInChinese() {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      Browser browser = signIn(app).speaking(ZH);
      Document page = zhPage(browser.get("/admin/imports"));
      assertEquals("导入记录", page.selectFirst("h1").text());
      assertEquals(List.of("#", "时间", "操作者", "文件", "新增", "修改", "未变"),
          page.select("table.import-log th[scope=col]").eachText());
      Element seed = page.selectFirst("table.import-log tbody tr");
      String when = seed.selectFirst("time").text();
      assertTrue(when.matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}:\\d{2}（UTC）"), when);
      assertTrue(seed.selectFirst("time").attr("datetime").matches("\\d{4}-\\d{2}-\\d{2}T.+Z"));
      // chinese: the seed is named in Chinese, in the page's language.
      assertEquals("内置初始数据", seed.select("td").get(2).text());
      assertEquals("", seed.select("td").get(2).attr("lang"), "in Chinese, not marked English");
      assertEquals(List.of("（语言，3行）", "（指标类别，7行）", "（单位，7行）", "（地区，26行）", "（地区简称，45行）", "（来源，173行）",
          "（指标，37行）", "（观测数据，302行）", "（事件，35行）", "（发布时间表，12行）"),
          seed.select(".import-log__files > li > span.admin-hint").eachText());

      Element english = Jsoup.parse(signIn(app).get("/admin/imports").body()).selectFirst("table.import-log tbody tr");
      assertTrue(english.selectFirst("time").text().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC"));
      assertEquals("(observations, " + org.aimonitor.Seed.OBSERVATIONS + " rows)", english.select(".import-log__files > li > span.admin-hint").get(7).text());
      assertFalse(english.select("td").get(2).hasAttr("lang"));
    }
  }
}
