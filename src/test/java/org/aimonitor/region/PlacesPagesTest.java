package org.aimonitor.region;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.aimonitor.TestApp;
import org.aimonitor.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /regions} and {@code /regions/{code}} on the seed, in both languages, and with 130
 * synthetic provinces (and 250 more figures for Beijing) so that every list has more than a page.
 */
class PlacesPagesTest {

  static TestApp app;
  static TestApp big;

  @BeforeAll
  static void start(@TempDir Path seed, @TempDir Path more) {
    app = TestApp.start(seed);
    big = TestApp.start(more);
    TestData.importSyntheticPlaces(big.db(), "ai_enterprises", "ecns-2026-03-05", "1950", 130);
    TestData.importCsv(big.db(), "beijing.csv", TestData.syntheticMonths("ai_pc_share",
        "ecns-2026-03-05", 250).replace(",US,", ",CN-BJ,"));
  }

  @AfterAll
  static void stop() {
    app.close();
    big.close();
  }

  static Document page(TestApp on, String path, int status) {
    HttpResponse<String> r = on.get(path);
    assertEquals(status, r.statusCode(), path + ": " + r.body());
    return Jsoup.parse(r.body());
  }

  static Element row(Document doc, String code) {
    Element row = doc.selectFirst("tr[data-region=" + code + "]");
    assertNotNull(row, "no row for " + code);
    return row;
  }

  @Test
  void theListGroupsThePlacesWithFiguresByLevelEachLinkingToItsPage() {
    Document doc = page(app, "/regions", 200);
    assertEquals("Places · AI Industry Monitor", doc.title());
    assertEquals("page", doc.selectFirst(".site-nav a[href=/regions]").attr("aria-current"));
    assertEquals(List.of("World", "Countries and groups of countries", "Provinces and municipalities",
        "Cities"), doc.select("section.place-group h2").eachText());
    assertEquals(List.of("CN-BJ", "CN-SH", "CN-GD"), doc.select("#level-province tr[data-region]")
        .eachAttr("data-region").subList(0, 3), "in the order of places (regions.csv)");
    for (Element a : doc.select("tr[data-region] th[scope=row] a")) {
      assertEquals("/regions/" + a.parent().parent().attr("data-region"), a.attr("href"));
    }
    assertTrue(doc.select("tr[data-region=CN-SN]").isEmpty(), "Shaanxi has no figures of its own");
    assertEquals("25 places with figures", doc.selectFirst(".as-of").text().split(" · ")[0]);
    assertTrue(doc.selectFirst(".places__without").text().startsWith("1 more known place has no figures"));
  }

  @Test
  void eachPlaceShowsItsParentTheChildrenWithFiguresAndItsCounts() {
    Document doc = page(app, "/regions", 200);
    Element gd = row(doc, "CN-GD");
    assertAll(
        () -> assertEquals("Guangdong 广东省 CN-GD", gd.selectFirst("th").text()),
        () -> assertEquals("zh-CN", gd.selectFirst(".name-other").attr("lang")),
        () -> assertEquals("/regions/CN", gd.select("td").get(0).selectFirst("a").attr("href")),
        () -> assertEquals("China (mainland)", gd.select("td").get(0).text()),
        () -> assertEquals("2 places", gd.select("td").get(1).text()),
        () -> assertEquals("/regions?parent=CN-GD", gd.select("td").get(1).selectFirst("a").attr("href")),
        () -> assertEquals("16", gd.select("td").get(2).text(), "figures"),
        () -> assertEquals("8", gd.select("td").get(3).text(), "indicators"),
        () -> assertEquals("1 place", row(doc, "CN-ZJ").select("td").get(1).text()),
        () -> assertEquals("", row(doc, "CN-BJ").select("td").get(1).text(), "no places within Beijing"));
  }

  @Test
  void thePagesSayThatPlacesAreNeverAddedUp() {
    for (String path : List.of("/regions", "/regions/CN-GD", "/regions/CN")) {
      String text = page(app, path, 200).text();
      assertTrue(text.contains("never added up"), path);
      assertFalse(text.toLowerCase().contains("total of the provinces"), path);
    }
    assertTrue(page(app, "/regions/CN", 200).selectFirst(".place-facts").text().contains(
        "The figures for China (mainland) are the national sources' own. Provinces and cities are never added up into them"));
    assertTrue(page(app, "/regions/CN-GD-SZ", 200).selectFirst(".place-facts").text().contains(
        "never added up into the figure of Guangdong or of China (mainland)"));
  }

  @Test
  void aLevelOrAParentNarrowsTheList() {
    Document cities = page(app, "/regions?level=city", 200);
    assertEquals(List.of("Cities"), cities.select("section.place-group h2").eachText());
    assertEquals("true", cities.selectFirst(".region-links a[href=/regions?level=city]").attr("aria-current"));
    assertEquals("Cities (8)", cities.selectFirst(".region-links a[aria-current]").text());
    Document gd = page(app, "/regions?parent=CN-GD", 200);
    assertEquals("Places in Guangdong", gd.selectFirst("h1").text());
    assertEquals(List.of("CN-GD-SZ", "CN-GD-GZ"), gd.select("tr[data-region]").eachAttr("data-region"));
    assertEquals("/regions/CN-GD", gd.select(".breadcrumb a").get(1).attr("href"));
    Document none = page(app, "/regions?parent=CN-GD&level=province", 200);
    assertEquals("No place with figures of its own is in this list.", none.selectFirst(".empty").text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"level=town", "level=city&level=province", "parent=cn-gd", "parent=CN-XX",
      "page=0", "page=x"})
  void aBadListParameterIsRefusedWith400(String query) {
    Document doc = page(app, "/regions?" + query, 400);
    assertFalse(doc.select("main").text().isBlank());
  }

  @Test
  void aPlacePageHasItsPlaceInTheTreeItsIndicatorsAndEveryFigureWithSourcesAndNotes() {
    Document doc = page(app, "/regions/CN-GD", 200);
    assertEquals("Guangdong 广东省", doc.selectFirst("h1").text());
    assertEquals(List.of("Places", "World", "China (mainland)"), doc.select(".breadcrumb a").eachText());
    assertEquals(List.of("Shenzhen", "Guangzhou"), doc.select(".place-facts dd a[href^=/regions/CN-GD-]").eachText());
    Element indicators = doc.selectFirst("table.place-indicators");
    assertEquals(8, indicators.select("tbody tr").size());
    Element enterprises = indicators.select("tbody tr").stream()
        .filter(tr -> tr.selectFirst("a").text().equals("AI enterprises")).findFirst().orElseThrow();
    assertEquals("/indicators/ai_enterprises?region=CN-GD", enterprises.selectFirst("a").attr("href"));
    assertEquals("225,800 enterprises", enterprises.select("td").get(1).text(), "the latest actual headline");
    assertEquals("/indicators/ai_enterprises?period=2024-01&level=province#places",
        enterprises.selectFirst("a[href*=period]").attr("href"));
    Element figures = doc.selectFirst("table.place-figures");
    assertEquals(16, figures.select("tr.obs").size());
    assertEquals("16 figures for Guangdong from every source, by indicator and period. The headline is the figure charted and ranked.",
        figures.selectFirst("caption").text());
    assertEquals(8, figures.select("tbody.obs-group").size(), "one group per indicator");
    // Every figure cites a numbered source note that exists on the page, and keeps its note.
    for (Element cite : figures.select("a.cite")) {
      assertNotNull(doc.getElementById(cite.attr("href").substring(1)), cite.attr("href"));
    }
    assertTrue(figures.text().contains("a registry count"), "notes stay beside the figures");
    assertTrue(figures.text().contains("≈ 489,000 enterprises"));
    assertEquals("/api/v1/regions/CN-GD", doc.selectFirst(".as-of a").attr("href"));
  }

  @Test
  void aPlaceWithoutFiguresOfItsOwnStillHasItsPageWithThePlacesWithinIt() {
    Document doc = page(app, "/regions/CN-SN", 200);
    assertEquals("This place has no figures of its own.", doc.selectFirst(".empty").text());
    assertEquals("/regions/CN-SN-XA", doc.selectFirst(".place-facts dd a[href^=/regions/CN-SN-]").attr("href"));
    assertEquals("/regions/CN-SN", page(app, "/regions/CN-SN-XA", 200).select(".breadcrumb a").last().attr("href"));
  }

  @Test
  void anUnknownPlaceIsA404InThePagesLanguage() {
    assertTrue(page(app, "/regions/CN-XX", 404).text().contains("There is no place \"CN-XX\""));
    assertTrue(page(app, "/regions/CN-XX?lang=zh", 404).text().contains("没有地区“CN-XX”"));
    assertEquals(404, app.get("/regions/CN-GD?page=2").statusCode(), "11 figures fit on one page");
  }

  @Test
  void inChineseThePagesSpeakChineseAndMarkEnglishNames() {
    Document list = page(app, "/regions?lang=zh", 200);
    assertEquals("zh-CN", list.selectFirst("html").attr("lang"));
    assertEquals(List.of("全球", "国家和国家组", "省和直辖市", "城市"), list.select("section.place-group h2").eachText());
    assertEquals("广东省 Guangdong CN-GD", row(list, "CN-GD").selectFirst("th").text());
    assertEquals("en", row(list, "CN-GD").selectFirst(".name-other").attr("lang"));
    Document gd = page(app, "/regions/CN-GD?lang=zh", 200);
    assertEquals("广东省 Guangdong", gd.selectFirst("h1").text());
    assertTrue(gd.selectFirst(".place-facts").text().contains("广东省的数据是其来源自己发布的数据"));
    assertTrue(gd.selectFirst("table.place-figures").text().contains("22.58万家"), "Chinese units");
    // chinese: the seed's notes are in Chinese (a note without one: ChineseNotesTest).
    assertEquals("", gd.selectFirst("table.place-figures .obs__note span").attr("lang"));
  }

  @Test
  void longListsPageAHundredAtATime() {
    Document first = page(big, "/regions", 200);
    assertEquals("1–100 of 155", first.selectFirst(".pager__range").text());
    assertEquals("/regions?page=2", first.selectFirst(".pager a[rel=next]").attr("href"));
    Document second = page(big, "/regions?page=2", 200);
    assertEquals(55, second.select("tr[data-region]").size());
    assertEquals(List.of("Provinces and municipalities", "Cities"), second.select("section.place-group h2").eachText(),
        "a page shows the levels of its places");
    assertEquals(404, big.get("/regions?page=3").statusCode());
    Document provinces = page(big, "/regions?level=province&page=2", 200);
    assertEquals("/regions?level=province", provinces.selectFirst(".pager a[rel=prev]").attr("href"));
  }

  @Test
  void aPlaceWithManyPlacesWithinItNamesThirtyAndLinksToTheListOfAll() {
    Document cn = page(big, "/regions/CN", 200);
    Element children = cn.select(".place-facts dd").last();
    assertEquals(31, children.select("a").size(), "thirty places and the link to all");
    assertEquals("all 143", children.select("a").last().text());
    assertEquals("/regions?parent=CN", children.select("a").last().attr("href"));
    Document all = page(big, "/regions?parent=CN&page=2", 200);
    assertEquals(43, all.select("tr[data-region]").size());
  }

  @Test
  void aPlacesFiguresPageAHundredAtATime() {
    Document bj = page(big, "/regions/CN-BJ?page=3", 200);
    assertEquals("201–274 of 274", bj.selectFirst(".pager__range").text());
    assertEquals("/regions/CN-BJ?page=2", bj.selectFirst(".pager a[rel=prev]").attr("href"));
    assertNull(bj.selectFirst(".pager a[rel=next]"));
    assertEquals(74, bj.select("tr.obs").size());
  }
}
