package org.aimonitor.updates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aimonitor.TestApp;
import org.aimonitor.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "New since your last visit" on a real server: off until the reader asks, one cookie of two
 * import numbers, marks and counts after an import, normalised before it keys the page cache,
 * and off (cookie deleted) with one button.
 */
class NewSinceTest {

  static final String TWO_FIGURES = TestData.OBSERVATIONS_HEADER + """
      ai_core_industry_scale,CN,2024,950,approx,yicai-2025-09-24,0,Revised in a test.
      ai_core_industry_scale,CN,1990,1,reported,ecns-2026-03-05,1,Added in a test (not a real figure).
      """;
  static final String INDICATOR = "/indicators/ai_core_industry_scale";

  @TempDir
  Path dir;
  TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(dir);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  /** Presses one of the box's buttons, as the browser's form post does. */
  HttpResponse<String> press(String action, String back, String cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url("/updates/marks")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("action=" + action + "&back=" + back));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return app.send(b.build());
  }

  static Optional<String> setCookie(HttpResponse<?> r) {
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("aim_seen=")).findFirst();
  }

  /** "aim_seen=1-1" from a Set-Cookie header. */
  static String value(String setCookie) {
    return setCookie.split(";", 2)[0];
  }

  Document page(String path, String cookie) {
    HttpResponse<String> r = cookie == null ? app.get(path) : app.get(path, "Cookie", cookie);
    assertEquals(200, r.statusCode(), path);
    return Jsoup.parse(r.body());
  }

  @Test
  void itIsOffUntilTheReaderTurnsItOnAndNoCookieIsSetBefore() {
    HttpResponse<String> r = app.get("/");
    assertTrue(setCookie(r).isEmpty(), "no cookie without asking");
    Document doc = Jsoup.parse(r.body());
    assertEquals("Mark the figures that are new or revised since your last visit?",
        doc.selectFirst(".new-since__message").text());
    assertNotNull(doc.selectFirst(".new-since form[method=post][action=/updates/marks] button[value=on]"));
    assertTrue(doc.select("[data-mark], .mark").isEmpty());
  }

  @Test
  void turningItOnSetsOneFirstPartyCookieAndReturnsToThePage() {
    HttpResponse<String> r = press("on", INDICATOR + "?page=1", null);
    assertEquals(303, r.statusCode());
    assertEquals(INDICATOR + "?page=1", r.headers().firstValue("Location").orElseThrow());
    String cookie = setCookie(r).orElseThrow();
    assertEquals("aim_seen=1-1", value(cookie), "the latest import, seen up to and shown");
    String lower = cookie.toLowerCase();
    assertTrue(lower.contains("path=/"), cookie);
    assertTrue(lower.contains("samesite=lax"), cookie);
    assertTrue(lower.contains("httponly"), cookie);
    assertTrue(lower.contains("max-age=31536000"), cookie);
    assertEquals(1, r.headers().allValues("Set-Cookie").size(), "no other cookie");
  }

  @Test
  void afterAnImportTheFiguresItChangedAreMarkedAndTheOverviewCountsThem() {
    String cookie = value(setCookie(press("on", "/", null)).orElseThrow());
    assertEquals("Nothing new since your last visit: you have seen the data imported up to "
        + org.aimonitor.i18n.Text.EN.date(java.time.LocalDate.now(java.time.ZoneOffset.UTC)) + ".",
        page("/", cookie).selectFirst(".new-since__message").ownText().trim());
    TestData.importCsv(app.db(), "two.csv", TWO_FIGURES);

    HttpResponse<String> overview = app.get("/", "Cookie", cookie);
    assertEquals("aim_seen=1-2", value(setCookie(overview).orElseThrow()),
        "the visit moves the cookie on: import 2 is now shown, import 1 stays what was seen");
    Document doc = Jsoup.parse(overview.body());
    assertTrue(doc.selectFirst(".new-since__message").text().startsWith(
        "2 figures new or revised since your last visit (you had seen the data imported up to "),
        doc.selectFirst(".new-since__message").text());
    assertEquals("/updates", doc.selectFirst(".new-since__message a").attr("href"));

    // The moved-on cookie keeps the same marks until another import lands.
    Document indicator = page(INDICATOR, "aim_seen=1-2");
    List<String> marks = indicator.select("tr[data-mark] .mark").eachText();
    assertEquals(List.of("New since your last visit", "Revised since your last visit"), marks,
        "words, not only colour, with the whole phrase for screen readers");
    assertEquals("new", indicator.selectFirst("tbody[data-period=1990] tr").attr("data-mark"));
    assertTrue(indicator.selectFirst("table.observations caption").text()
        .endsWith("(2 on this page new or revised since your last visit)"));
    Document updates = page("/updates", "aim_seen=1-2");
    assertEquals(List.of("Import 2", "Import 1"), updates.select(".import-card__title").stream()
        .map(e -> e.text().replaceAll(":.*", "")).toList());
    assertTrue(updates.select(".import-card__title").get(0).text().endsWith("New since your last visit"));
    assertFalse(updates.select(".import-card__title").get(1).text().endsWith("New since your last visit"));
  }

  @Test
  void anotherImportMovesTheMarksOnToWhatTheReaderHasNotSeen() {
    TestData.importCsv(app.db(), "two.csv", TWO_FIGURES);
    TestData.importCsv(app.db(), "months.csv", TestData.syntheticMonths("ai_pc_share", "ecns-2026-03-05", 3));
    // The reader was last shown import 2 (and had seen import 1): import 3 alone is new now.
    HttpResponse<String> r = app.get("/", "Cookie", "aim_seen=1-2");
    assertEquals("aim_seen=2-3", value(setCookie(r).orElseThrow()));
    assertTrue(Jsoup.parse(r.body()).selectFirst(".new-since__message").text().startsWith("3 figures"));
    assertTrue(page(INDICATOR, "aim_seen=1-2").select("tr[data-mark]").isEmpty());
  }

  @Test
  void markAllAsSeenClearsTheMarksAndStopMarkingDeletesTheCookie() {
    TestData.importCsv(app.db(), "two.csv", TWO_FIGURES);
    Document marked = page(INDICATOR, "aim_seen=1-2");
    assertNotNull(marked.selectFirst(".new-since button[value=all-seen]"));
    assertNotNull(marked.selectFirst(".new-since button[value=turn-off]"));

    HttpResponse<String> seen = press("all-seen", INDICATOR, "aim_seen=1-2");
    assertEquals("aim_seen=2-2", value(setCookie(seen).orElseThrow()));
    assertTrue(page(INDICATOR, "aim_seen=2-2").select("tr[data-mark]").isEmpty());

    HttpResponse<String> off = press("turn-off", INDICATOR, "aim_seen=2-2");
    assertEquals(303, off.statusCode());
    String deleted = setCookie(off).orElseThrow();
    assertEquals("aim_seen=", value(deleted));
    assertTrue(deleted.toLowerCase().contains("max-age=0") || deleted.contains("Expires=Thu, 01 Jan 1970"),
        deleted);
    assertTrue(deleted.toLowerCase().contains("path=/"), deleted);
  }

  @Test
  void twoReadersOfOnePageGetTheirOwnMarksFromTheCache() {
    TestData.importCsv(app.db(), "two.csv", TWO_FIGURES);
    for (int round = 0; round < 2; round++) {
      Document marked = page(INDICATOR, "aim_seen=1-2");
      Document plain = page(INDICATOR, null);
      Document seenAll = page(INDICATOR, "aim_seen=2-2");
      assertEquals(2, marked.select("tr[data-mark]").size(), "round " + round);
      assertTrue(plain.select("tr[data-mark]").isEmpty(), "round " + round);
      assertNotNull(plain.selectFirst("button[value=on]"));
      assertTrue(seenAll.select("tr[data-mark]").isEmpty(), "round " + round);
      assertNull(seenAll.selectFirst("button[value=on]"));
    }
    HttpResponse<String> a = app.get(INDICATOR, "Cookie", "aim_seen=1-2");
    HttpResponse<String> b = app.get(INDICATOR);
    assertNotEquals(a.headers().firstValue("ETag"), b.headers().firstValue("ETag"));
    assertTrue(b.headers().firstValue("Vary").orElse("").contains("Cookie"));
    assertEquals(304, app.get(INDICATOR, "Cookie", "aim_seen=1-2", "If-None-Match",
        a.headers().firstValue("ETag").orElseThrow()).statusCode());
    assertEquals(200, app.get(INDICATOR, "If-None-Match", a.headers().firstValue("ETag").orElseThrow())
        .statusCode(), "a reader without marks never gets the marked page's validator");
  }

  @Test
  void cookieValuesAreNormalisedToKnownImportsSoTheCacheKeepsOneEntryPerState() {
    TestData.importCsv(app.db(), "two.csv", TWO_FIGURES);
    for (String same : List.of("1-999999", "1-3", "001-2", "1-2")) {
      assertEquals(2, page(INDICATOR, "aim_seen=" + same).select("tr[data-mark]").size(), same);
      assertEquals("new-since=1", NewSince.of(same, 2).variant(), "one cache key for " + same);
    }
    for (String off : List.of("aim_seen=x", "aim_seen=", "aim_seen=-1-2", "aim_seen=1.2",
        "aim_seen=99999999999999999999-1")) {
      Document doc = page(INDICATOR, off);
      assertTrue(doc.select("tr[data-mark]").isEmpty(), off);
      assertNotNull(doc.selectFirst("button[value=on]"), off + " reads as off");
      assertEquals("new-since=off", NewSince.of(off.substring("aim_seen=".length()), 2).variant());
    }
    assertEquals(new NewSince.State(true, 1, 2), NewSince.of("1-9", 2), "clamped to the latest");
    assertEquals(new NewSince.State(true, 2, 2), NewSince.of("5-9", 2),
        "a database restored from an older copy: nothing is new");
    assertEquals(new NewSince.State(true, 2, 2), NewSince.of("7-2", 2), "never after what was shown");
    assertEquals(new NewSince.State(true, 1, 3), NewSince.of("0-1", 3), "moved on past a visit");
    assertEquals(NewSince.State.OFF, NewSince.of("1-2-3", 3));
  }

  @Test
  void anotherSitesFormCannotSwitchMarkingAndAnUnknownButtonIsRefused() {
    HttpResponse<String> r = app.send(HttpRequest.newBuilder(URI.create(app.url("/updates/marks")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Sec-Fetch-Site", "cross-site")
        .POST(HttpRequest.BodyPublishers.ofString("action=on&back=/")).build());
    assertEquals(403, r.statusCode());
    assertTrue(setCookie(r).isEmpty());
    assertEquals(400, press("explode", "/", null).statusCode());
    assertEquals("/", press("on", "https://evil.example/", null).headers().firstValue("Location").orElseThrow(),
        "back goes to a page of this site only");
    assertEquals("/", press("on", "//evil.example/", null).headers().firstValue("Location").orElseThrow());
  }
}
