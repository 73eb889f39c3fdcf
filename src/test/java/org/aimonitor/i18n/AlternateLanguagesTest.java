package org.aimonitor.i18n;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aimonitor.AppExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page names itself in each language for search engines ({@code <link rel="alternate"
 * hreflang>}): {@code en}, {@code zh-CN} and {@code x-default}, as absolute URLs on the origin
 * the reader used (Lighthouse's hreflang audit refuses relative ones), and the page cache never
 * serves one host's links to another.
 */
class AlternateLanguagesTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  /** hreflang → href of the page's alternate-language links, in order. */
  private static Map<String, String> alternates(String html) {
    Document page = Jsoup.parse(html);
    Map<String, String> links = new LinkedHashMap<>();
    for (Element link : page.select("head link[rel=alternate][hreflang]")) {
      String previous = links.put(link.attr("hreflang"), link.attr("href"));
      assertEquals(null, previous, "hreflang " + link.attr("hreflang") + " is given once");
    }
    return links;
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/summary", "/indicators", "/indicators/ai_core_industry_scale",
      "/sources", "/timeline", "/data", "/regions", "/updates", "/no-such-page"})
  void everyPageNamesEachLanguageAndADefaultByAbsoluteUrl(String path) {
    Map<String, String> links = alternates(app.get(path).body());
    String base = app.url(path);
    assertAll(
        () -> assertEquals(java.util.List.of("en", "zh-CN", "x-default"), java.util.List.copyOf(links.keySet())),
        () -> assertEquals(base + "?lang=en", links.get("en")),
        () -> assertEquals(base + "?lang=zh", links.get("zh-CN")),
        () -> assertEquals(base, links.get("x-default")),
        () -> links.values().forEach(href -> assertTrue(URI.create(href).isAbsolute(), href)));
  }

  @Test
  void theSameLinksWhicheverLanguageTheReaderReads() {
    assertEquals(alternates(app.get("/").body()), alternates(app.get("/?lang=zh").body()));
  }

  @Test
  void knownParametersAreKeptAndOthersDropped() {
    String path = "/indicators/ai_enterprises";
    Map<String, String> links = alternates(
        app.get(path + "?utm_source=x&to=2025&region=CN-BJ,CN-SH&lang=zh").body());
    String base = app.url(path);
    assertAll(
        () -> assertEquals(base + "?region=CN-BJ%2CCN-SH&to=2025&lang=en", links.get("en")),
        () -> assertEquals(base + "?region=CN-BJ%2CCN-SH&to=2025&lang=zh", links.get("zh-CN")),
        () -> assertEquals(base + "?region=CN-BJ%2CCN-SH&to=2025", links.get("x-default")));
  }

  @Test
  void eachHostGetsItsOwnLinksThroughTheCache() {
    String first = app.raw("/", "Host: monitor.example:8080");
    String second = app.raw("/", "Host: other.example");
    String again = app.raw("/", "Host: monitor.example:8080");
    assertAll(
        () -> assertEquals("http://monitor.example:8080/?lang=en", alternates(body(first)).get("en")),
        () -> assertEquals("http://other.example/?lang=en", alternates(body(second)).get("en"),
            "a page cached for one host is not served to another"),
        () -> assertEquals("http://monitor.example:8080/", alternates(body(again)).get("x-default")));
  }

  @Test
  void aForgedHostCannotPutMarkupInTheLinks() {
    String page = app.raw("/", "Host: evil.example\"><script>");
    assertTrue(page.startsWith("HTTP/1.1 400")
            || "http://localhost/?lang=en".equals(alternates(body(page)).get("en")),
        "a host that is no host name is never echoed");
  }

  /** The body of a raw HTTP/1.1 response (not chunked: the cached page has a length). */
  private static String body(String response) {
    int start = response.indexOf("\r\n\r\n");
    assertTrue(start > 0, response);
    return response.substring(start + 4);
  }
}
