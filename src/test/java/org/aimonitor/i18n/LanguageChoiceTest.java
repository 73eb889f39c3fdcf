package org.aimonitor.i18n;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.aimonitor.AppExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The language of a page: {@code ?lang=} (remembered in a cookie), then the cookie, then
 * Accept-Language, then English; the header switcher keeps the address; the cache never
 * serves one language's page for the other.
 */
class LanguageChoiceTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  private static String htmlLang(HttpResponse<String> r) {
    return Jsoup.parse(r.body()).selectFirst("html").attr("lang");
  }

  @Test
  void englishWhenNothingIsSaid() {
    HttpResponse<String> r = app.get("/");
    assertAll(
        () -> assertEquals("en", htmlLang(r)),
        () -> assertTrue(r.body().contains("Overview")),
        () -> assertEquals(Optional.empty(), r.headers().firstValue("Set-Cookie")));
  }

  @Test
  void queryParameterChoosesAndIsRememberedInACookie() {
    HttpResponse<String> r = app.get("/?lang=zh");
    String cookie = r.headers().firstValue("Set-Cookie").orElse("");
    assertAll(
        () -> assertEquals("zh-CN", htmlLang(r)),
        () -> assertTrue(r.body().contains("概览"), "the navigation is in Chinese"),
        () -> assertTrue(cookie.startsWith("lang=zh;"), cookie),
        () -> assertTrue(cookie.contains("Path=/"), cookie),
        () -> assertTrue(cookie.contains("Max-Age="), "remembered beyond the session: " + cookie),
        () -> assertTrue(cookie.contains("SameSite=Lax"), cookie));
  }

  @Test
  void theCookieChoosesWhenThereIsNoParameter() {
    assertEquals("zh-CN", htmlLang(app.get("/sources", "Cookie", "lang=zh")));
    assertEquals("en", htmlLang(app.get("/sources", "Cookie", "lang=en", "Accept-Language", "zh-CN")));
  }

  @Test
  void theParameterWinsOverTheCookieAndTheHeader() {
    assertEquals("en", htmlLang(app.get("/?lang=en", "Cookie", "lang=zh", "Accept-Language", "zh-CN")));
    assertEquals("zh-CN", htmlLang(app.get("/?lang=zh", "Cookie", "lang=en", "Accept-Language", "en")));
  }

  @Test
  void acceptLanguageChoosesWithoutParameterOrCookie() {
    assertAll(
        () -> assertEquals("zh-CN", htmlLang(app.get("/timeline", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))),
        () -> assertEquals("zh-CN", htmlLang(app.get("/timeline", "Accept-Language", "zh-TW"))),
        () -> assertEquals("en", htmlLang(app.get("/timeline", "Accept-Language", "en-GB,zh;q=0.5"))),
        () -> assertEquals("zh-CN", htmlLang(app.get("/timeline", "Accept-Language", "fr-FR,zh;q=0.5"))),
        () -> assertEquals("en", htmlLang(app.get("/timeline", "Accept-Language", "de-DE"))),
        () -> assertEquals("en", htmlLang(app.get("/timeline", "Accept-Language", "zh;q=0, en;q=0.1"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/?lang=fr", "/?lang=", "/?lang=ZH-cn%3Cscript%3E", "/?lang=zh&lang=en"})
  void unknownParameterValuesMeanEnglishNotAnError(String path) {
    HttpResponse<String> r = app.get(path, "Accept-Language", "zh-CN");
    boolean ours = path.endsWith("lang=zh&lang=en");
    assertAll(
        () -> assertEquals(200, r.statusCode()),
        () -> assertEquals(ours ? "zh-CN" : "en", htmlLang(r)),
        // Only a language of ours is remembered: an unknown one sets no year-long cookie.
        () -> assertEquals(ours, r.headers().allValues("Set-Cookie").stream()
            .anyMatch(c -> c.startsWith("lang=")), "Set-Cookie: " + r.headers().allValues("Set-Cookie")));
  }

  @Test
  void unreadableCookieAndHeaderFallBackToEnglish() {
    assertEquals("en", htmlLang(app.get("/", "Cookie", "lang=klingon")));
    assertEquals("en", htmlLang(app.get("/", "Accept-Language", ";;;q=abc,,")));
  }

  @Test
  void theSwitcherKeepsThePathAndOtherParameters() {
    String path = "/indicators/ai_enterprises?region=WORLD&from=2020&lang=zh";
    Document page = Jsoup.parse(app.get(path).body());
    Element link = page.selectFirst(".lang-switch a");
    assertNotNull(link, "the header has a language switcher");
    assertAll(
        () -> assertEquals("/indicators/ai_enterprises?region=WORLD&from=2020&lang=en", link.attr("href")),
        () -> assertEquals("en", link.attr("lang")),
        () -> assertEquals("English", link.text()));
    Document en = Jsoup.parse(app.get("/sources").body());
    Element toZh = en.selectFirst(".lang-switch a");
    assertAll(
        () -> assertEquals("/sources?lang=zh", toZh.attr("href")),
        () -> assertEquals("zh-CN", toZh.attr("lang")),
        () -> assertEquals("中文", toZh.text()));
  }

  @Test
  void switcherEscapesWhatItCopies() {
    // The refused region is copied to the switcher of the 400 page, escaped.
    Document page = Jsoup.parse(app.get("/indicators/ai_enterprises?region=%22%3E%3Cb%3E").body());
    assertEquals("/indicators/ai_enterprises?region=%22%3E%3Cb%3E&lang=zh",
        page.selectFirst(".lang-switch a").attr("href"));
  }

  @Test
  void switcherCarriesOnlyTheParametersThePageUnderstands() {
    Document page = Jsoup.parse(app.get("/indicators/ai_enterprises?utm_source=mail&to=2025&region=WORLD").body());
    assertEquals("/indicators/ai_enterprises?region=WORLD&to=2025&lang=zh",
        page.selectFirst(".lang-switch a").attr("href"), "known ones in the page's order, others dropped");
  }

  @Test
  void theCacheKeepsEachLanguagesPageApart() {
    // Same path, no parameter: the language comes from the cookie and the header alone.
    List<String> order = List.of("en", "zh-CN", "en", "zh-CN");
    for (String expected : order) {
      HttpResponse<String> r = expected.equals("en") ? app.get("/data", "Accept-Language", "en")
          : app.get("/data", "Accept-Language", "zh-CN");
      assertEquals(expected, htmlLang(r));
      assertTrue(r.headers().firstValue("Vary").orElse("").contains("Accept-Language"));
      assertTrue(r.headers().firstValue("Vary").orElse("").contains("Cookie"));
    }
    String enTag = app.get("/data", "Accept-Language", "en").headers().firstValue("ETag").orElseThrow();
    String zhTag = app.get("/data", "Cookie", "lang=zh").headers().firstValue("ETag").orElseThrow();
    assertNotEquals(enTag, zhTag, "each language's page has its own ETag");
    // A conditional request with the English ETag does not get a 304 for the Chinese page.
    assertEquals(200, app.get("/data", "Cookie", "lang=zh", "If-None-Match", enTag).statusCode());
    assertEquals(304, app.get("/data", "Cookie", "lang=zh", "If-None-Match", zhTag).statusCode());
  }
}
