package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.aimonitor.AppExtension;
import org.aimonitor.TestApp;
import org.aimonitor.i18n.Text;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ErrorPagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  private static HttpResponse<String> send(AppExtension app, String method, String path, String acceptLanguage) {
    return send(app.app(), method, path, acceptLanguage);
  }

  private static HttpResponse<String> send(TestApp app, String method, String path, String acceptLanguage) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path)))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    return app.send(request.build());
  }

  @Test
  void unknownPathsGetA404PageInTheSiteLayout() {
    HttpResponse<String> r = app.get("/no/such/page");
    assertEquals(404, r.statusCode());
    Document page = Jsoup.parse(r.body());
    assertEquals("en", page.selectFirst("html").attr("lang"));
    assertEquals("Page not found", page.selectFirst("h1").text());
    assertEquals("Error 404", page.selectFirst(".error-status").text());
    assertEquals("There is no page at this address.", page.selectFirst(".error-message").text());
    assertEquals("Go to the overview", page.selectFirst("main a[href=/]").text());
    assertTrue(page.selectFirst(".site-header") != null, "uses the site layout");
    assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent());
  }

  /** No route matches an unknown path, yet the language is resolved: the 404 page is Chinese. */
  @Test
  void unknownPathsGetA404PageInChineseForAChineseBrowser() {
    HttpResponse<String> r = send(app, "GET", "/no/such/page", "zh-CN,zh;q=0.9,en;q=0.8");
    assertEquals(404, r.statusCode());
    Document page = Jsoup.parse(r.body());
    assertEquals("zh-CN", page.selectFirst("html").attr("lang"));
    assertEquals("页面不存在", page.selectFirst("h1").text());
    assertEquals("页面不存在 · 人工智能产业监测", page.selectFirst("title").text());
    assertEquals("错误404", page.selectFirst(".error-status").text());
    assertEquals("此地址下没有页面。", page.selectFirst(".error-message").text());
    assertEquals("返回概览", page.selectFirst("main a[href=/]").text());
    assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent());

    // The cookie chosen by the switcher counts too, and ?lang= wins over the header.
    HttpResponse<String> english = send(app, "GET", "/no/such/page?lang=en", "zh-CN");
    assertEquals("Page not found", Jsoup.parse(english.body()).selectFirst("h1").text());
    HttpResponse<String> chosen = app.send(HttpRequest.newBuilder(URI.create(app.url("/nothing/here")))
        .header("Cookie", "lang=zh").GET().build());
    assertEquals("页面不存在", Jsoup.parse(chosen.body()).selectFirst("h1").text());
  }

  @Test
  void aWrongMethodGetsA405PageInTheRequestsLanguageWithItsAllowHeader() {
    HttpResponse<String> en = send(app, "DELETE", "/sources", null);
    assertEquals(405, en.statusCode());
    assertEquals("GET", en.headers().firstValue("Allow").orElse(""));
    assertTrue(en.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertEquals("Method not allowed", Jsoup.parse(en.body()).selectFirst("h1").text());

    HttpResponse<String> zh = send(app, "POST", "/timeline", "zh-CN");
    assertEquals(405, zh.statusCode());
    Document page = Jsoup.parse(zh.body());
    assertEquals("zh-CN", page.selectFirst("html").attr("lang"));
    assertEquals("不支持该请求方法", page.selectFirst("h1").text());
    assertEquals("错误405", page.selectFirst(".error-status").text());
  }

  @Test
  void aBadParameterGetsA400PageThatNamesTheRefusedValueInThePagesLanguage() {
    HttpResponse<String> en = send(app, "GET", "/indicators/ai_core_industry_scale?region=MARS", null);
    assertEquals(400, en.statusCode());
    Document enPage = Jsoup.parse(en.body());
    assertEquals("Bad request", enPage.selectFirst("h1").text());
    assertTrue(enPage.selectFirst(".error-message").text().startsWith("Unknown region \"MARS\""),
        enPage.selectFirst(".error-message").text());

    HttpResponse<String> zh = send(app, "GET", "/indicators/ai_core_industry_scale?region=MARS", "zh-CN");
    assertEquals(400, zh.statusCode());
    Document page = Jsoup.parse(zh.body());
    assertEquals("请求有误", page.selectFirst("h1").text());
    assertEquals("错误400", page.selectFirst(".error-status").text());
    assertTrue(page.selectFirst(".error-message").text().startsWith("未知地区“MARS”"),
        page.selectFirst(".error-message").text());
    assertTrue(page.selectFirst(".error-message").text().contains("全球"), "valid regions named in Chinese");
    assertTrue(page.select("main [lang=en]").isEmpty(), "nothing in the message left in English");
  }

  @Test
  void apiErrorsStayEnglishJsonWhateverTheLanguage() throws Exception {
    HttpResponse<String> r = send(app, "GET", "/api/v1/no-such", "zh-CN");
    assertEquals(404, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode problem = JSON.readTree(r.body());
    assertEquals("There is no page at this address.", problem.get("message").asText());
    HttpResponse<String> bad = send(app, "GET", "/api/v1/indicators/ai_pc_share?region=XX", "zh-CN");
    assertTrue(JSON.readTree(bad.body()).get("message").asText().startsWith("Unknown region"), bad.body());
  }

  /** On an app of its own: it breaks the database. */
  @Test
  void aFailingPageGetsA500PageWithoutAStackTrace(@TempDir Path dir) {
    try (TestApp app = TestApp.start(dir)) {
      app.db().jdbi().useHandle(h -> h.execute("DROP TABLE event"));
      HttpResponse<String> r = app.get("/");
      assertEquals(500, r.statusCode());
      Document page = Jsoup.parse(r.body());
      assertEquals("Something went wrong", page.selectFirst("h1").text());
      assertFalse(r.body().contains("Exception"), "no exception names");
      assertFalse(r.body().contains("at org."), "no stack frames");
      assertFalse(r.body().contains("SQL"), "no SQL");

      HttpResponse<String> zh = send(app, "GET", "/timeline", "zh-CN");
      assertEquals(500, zh.statusCode());
      Document zhPage = Jsoup.parse(zh.body());
      assertEquals("出错了", zhPage.selectFirst("h1").text());
      assertEquals("页面无法显示。错误已记录在日志中。", zhPage.selectFirst(".error-message").text());
      assertNull(zhPage.selectFirst(".error-detail"));
      assertFalse(zh.body().contains("Exception"), "no exception names");
    }
  }

  @Test
  void problemsCarryBundleTextInBothLanguagesAndEnglishForJson() {
    HttpProblem p = HttpProblem.of(404, "error.404.title", "error.404.message");
    assertEquals("Page not found", p.title(Text.EN));
    assertEquals("页面不存在", p.title(Text.ZH));
    assertEquals("There is no page at this address.", p.getMessage());
    HttpProblem detailed = HttpProblem.of(400, "error.400.title", "error.400.message")
        .withDetail("Unknown region \"XX\".");
    assertEquals("The request cannot be answered as it stands. Unknown region \"XX\".",
        detailed.getMessage(), "JSON keeps the checker's words");
    assertEquals("请求有误", detailed.title(Text.ZH));
    assertEquals("Unknown region \"XX\".", detailed.detail());
    assertEquals("The request cannot be answered as it stands.", detailed.message(Text.EN));
  }

  @Test
  void malformedPercentEncodingIsAClientErrorWithoutAStackTrace() {
    String response = app.raw("/%E0%A4%A");
    assertTrue(response.startsWith("HTTP/1.1 400"), response);
    assertFalse(response.contains("at org."), response);
    assertFalse(response.contains("Exception"), response);
  }

  @Test
  void anUnreadableAddressGetsOurPageInTheReadersLanguageNotJettys() {
    String en = app.raw("/%E4%B8");
    String zh = app.raw("/%E4%B8", "Accept-Language: zh-CN");
    String zhByCookie = app.raw("/timeline/%E4", "Cookie: lang=zh", "Accept-Language: en");
    for (String response : new String[] {en, zh, zhByCookie}) {
      assertTrue(response.startsWith("HTTP/1.1 400"), response);
      assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/html; charset=utf-8"), response);
      assertTrue(response.contains("Content-Security-Policy: default-src 'self'"), response);
      assertTrue(response.contains("X-Content-Type-Options: nosniff"), response);
      assertFalse(response.contains("badMessage") || response.contains("HTTP ERROR"), "Jetty's own page: " + response);
      assertFalse(response.contains("Exception") || response.contains("at org."), response);
    }
    Document enPage = Jsoup.parse(en.substring(en.indexOf("<!DOCTYPE")));
    Document zhPage = Jsoup.parse(zh.substring(zh.indexOf("<!DOCTYPE")));
    assertEquals("en", enPage.selectFirst("html").attr("lang"));
    assertEquals("The address could not be read", enPage.selectFirst("h1").text());
    assertEquals("zh-CN", zhPage.selectFirst("html").attr("lang"));
    assertEquals("无法读取该地址", zhPage.selectFirst("h1").text());
    assertEquals("错误400", zhPage.selectFirst(".error-status").text());
    assertTrue(zhByCookie.contains("无法读取该地址"), "the lang cookie chooses before the header");
    assertEquals("/", zhPage.selectFirst("main a").attr("href"));
  }

  @Test
  void aMalformedParameterIsRefusedNotSilentlyDropped() {
    // Javalin drops a parameter it cannot decode: ?region=%ZZ would have shown every region.
    // (java.net.URI refuses to send %ZZ, so it goes over a plain socket.)
    String page = app.raw("/indicators/ai_enterprises?region=%ZZ", "Accept-Language: zh-CN");
    assertTrue(page.startsWith("HTTP/1.1 400"), page);
    Document doc = Jsoup.parse(page.substring(page.indexOf("<!DOCTYPE")));
    assertEquals("请求有误", doc.selectFirst("h1").text());
    assertTrue(doc.selectFirst(".error-message").text().startsWith("地址中的参数编码有误"));
    HttpResponse<String> api = app.get("/api/v1/indicators/ai_enterprises?region=%E4");
    assertEquals(400, api.statusCode());
    assertTrue(api.body().contains("malformed parameter"), api.body());
    assertTrue(app.raw("/?lang=%zz").startsWith("HTTP/1.1 400"));
    assertEquals(200, app.get("/indicators/ai_enterprises?region=WORLD&x=%E4%B8%AD").statusCode(),
        "well-formed UTF-8 (中) passes");
  }

  @Test
  void theFaviconRequestIsAnsweredSoBrowsersLogNoError() {
    HttpResponse<String> r = app.get("/favicon.ico");
    assertEquals(301, r.statusCode());
    String location = r.headers().firstValue("Location").orElseThrow();
    assertEquals(200, app.get(location).statusCode());
  }
}
