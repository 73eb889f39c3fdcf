package org.aimonitor.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.AppExtension;
import org.aimonitor.json.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /search and /api/v1/search over the seed data, with the queries readers type. */
class SearchPagesTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  static String q(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  static JsonNode api(String query) {
    return api(app, query);
  }

  static JsonNode api(AppExtension app, String query) {
    var r = app.get("/api/v1/search?q=" + q(query));
    assertEquals(200, r.statusCode(), query + ": " + r.body());
    try {
      return Json.MAPPER.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The ids of one group's matches, best first. */
  static List<String> ids(JsonNode doc, String kind) {
    List<String> ids = new ArrayList<>();
    for (JsonNode g : doc.get("groups")) {
      if (g.get("kind").asText().equals(kind)) {
        g.get("matches").forEach(m -> ids.add(m.get("id").asText()));
      }
    }
    return ids;
  }

  static long count(JsonNode doc, String kind) {
    for (JsonNode g : doc.get("groups")) {
      if (g.get("kind").asText().equals(kind)) {
        return g.get("count").asLong();
      }
    }
    return -1;
  }

  @Test
  void beijingInChineseFindsThePlaceFirstAndItsFigures() {
    JsonNode doc = api("北京");
    assertEquals("CN-BJ", ids(doc, "places").get(0), doc.toString());
    assertEquals(List.of("CN-BJ"), Json.MAPPER.convertValue(doc.get("places"), List.class));
    assertTrue(count(doc, "figures") > 0, "Beijing's figures: " + doc);
    for (JsonNode g : doc.get("groups")) {
      if (g.get("kind").asText().equals("figures")) {
        g.get("matches").forEach(m -> assertEquals("CN-BJ", m.get("detail").get("region").asText()));
      }
    }
  }

  @Test
  void oneCharacterShortFormsFindTheirPlace() {
    assertEquals("CN-GD", ids(api("粤"), "places").get(0));
    assertEquals("CN-BJ", ids(api("京"), "places").get(0));
    assertEquals("CN-GD", ids(api("广东"), "places").get(0));
    assertEquals("CN-GD", ids(api("广东省"), "places").get(0));
    assertEquals("CN-GD", ids(api("Guangdong"), "places").get(0));
    assertEquals("CN-BJ", ids(api("beijing"), "places").get(0));
  }

  @Test
  void twoCharacterChineseWordsFindIndicators() {
    List<String> compute = ids(api("算力"), "indicators");
    assertFalse(compute.isEmpty());
    assertTrue(compute.stream().allMatch(c -> c.contains("compute") || c.contains("eflops")
        || c.contains("computing") || c.equals("data_centre_racks")), compute.toString());
  }

  @Test
  void aiPcMatchesBothWordsAndIsWidthAndCaseInsensitive() {
    List<String> ai = ids(api("ai pc"), "indicators");
    assertFalse(ai.isEmpty());
    assertTrue(ai.stream().allMatch(c -> c.contains("pc")), ai.toString());
    assertEquals(ai, ids(api("ＡＩ　ＰＣ"), "indicators"), "full-width letters and space are the same");
    assertEquals(ai, ids(api("AI PC"), "indicators"));
  }

  @Test
  void publisherAbbreviationFindsSources() {
    JsonNode doc = api("CAICT");
    assertTrue(count(doc, "sources") > 0, doc.toString());
  }

  @Test
  void eventsAreFoundByTheirTitles() {
    JsonNode doc = api("development plan");
    assertTrue(count(doc, "events") > 0, doc.toString());
    Document html = app.page("/search?q=development+plan");
    assertTrue(html.getElementById("search-events").selectFirst("a").attr("href").startsWith("/timeline?page="));
  }

  @Test
  void pluralsFindTheSingular() {
    assertEquals(ids(api("phone"), "indicators"), ids(api("phones"), "indicators"));
    assertFalse(ids(api("phones"), "indicators").isEmpty());
  }

  @Test
  void aPlaceAYearAndATopicNarrowTheFigures() {
    JsonNode doc = api("Guangdong 2025 AI industry");
    assertEquals("2025", doc.get("period").asText());
    assertTrue(count(doc, "figures") > 0, doc.toString());
    for (JsonNode g : doc.get("groups")) {
      if (g.get("kind").asText().equals("figures")) {
        for (JsonNode m : g.get("matches")) {
          assertEquals("CN-GD", m.get("detail").get("region").asText());
          assertTrue(m.get("detail").get("period").asText().startsWith("2025"), m.toString());
        }
      }
    }
    JsonNode all = api("Guangdong AI industry");
    assertTrue(count(all, "figures") >= count(doc, "figures"));
  }

  @Test
  void theSearchPageGroupsCountsAndMarksEscaped() {
    Document doc = app.page("/search?q=" + q("北京") + "&lang=zh");
    assertEquals("“北京”的搜索结果", doc.selectFirst("h1").text());
    Element places = doc.getElementById("search-places");
    assertNotNull(places);
    assertEquals("北京", places.selectFirst("mark").text());
    assertTrue(places.selectFirst("a").attr("href").startsWith("/regions/CN-BJ"));
    List<String> order = doc.select("section.search-group").eachAttr("id");
    assertTrue(order.indexOf("search-places") < order.indexOf("search-figures"), order.toString());

    var hostile = app.get("/search?q=" + q("<script>alert(1)</script>"));
    assertEquals(200, hostile.statusCode());
    assertFalse(hostile.body().contains("<script>alert"), "the query is escaped");
  }

  @Test
  void everyPageHasALabelledSearchBoxInTheHeader() {
    Document doc = app.page("/sources");
    Element input = doc.selectFirst("header form[role=search] input[name=q]");
    assertNotNull(input);
    assertEquals("Search", doc.selectFirst("label[for=" + input.id() + "]").text());
    assertEquals("/", input.attr("aria-keyshortcuts"));
    var zh = app.get("/sources?lang=zh");
    Document z = Jsoup.parse(zh.body());
    assertEquals("搜索", z.selectFirst("header label[for=site-search]").text());
  }

  @Test
  void nothingFoundSaysSoAndOffersTheCategories() {
    Document doc = app.page("/search?q=" + q("zzzqqqxxx"));
    assertEquals("Nothing matches “zzzqqqxxx”.", doc.selectFirst(".search-none").text());
    assertTrue(doc.select(".search-categories a").size() >= 7);
    assertTrue(doc.select(".search-categories a").first().attr("href").startsWith("/indicators#category-"));
  }

  @Test
  void hostileQueriesAreLiteralTextNeverA500() {
    for (String hostile : List.of("\"", "\"\"\"", "*", "ai*", "NEAR(ai pc", "name: ai", "ai AND OR NOT",
        "((((", ")", "^ai", "col:\"x", "'; DROP TABLE source; --", "\u0000\u0001\u001f ai", "💥", "%")) {
      for (String path : List.of("/search?q=", "/api/v1/search?q=")) {
        var r = app.get(path + q(hostile));
        assertEquals(200, r.statusCode(), hostile + ": " + r.body());
      }
    }
    var tooLong = app.get("/search?q=" + "a".repeat(10_240));
    assertEquals(400, tooLong.statusCode());
    assertTrue(tooLong.body().contains("at most 200 characters"), tooLong.body());
    var apiTooLong = app.get("/api/v1/search?q=" + "算".repeat(300));
    assertEquals(400, apiTooLong.statusCode());
    var invalidUtf8 = app.get("/search?q=%C3%28%FF");
    assertTrue(invalidUtf8.statusCode() == 200 || invalidUtf8.statusCode() == 400, invalidUtf8.body());
    assertEquals(400, app.get("/api/v1/search?q=ai&kind=everything").statusCode());
    assertEquals(400, app.get("/api/v1/search?q=ai&kind=indicators&cursor=bm9wZQ").statusCode());
    assertEquals(400, app.get("/api/v1/search?q=ai&kind=indicators&cursor=WyJ4Il0").statusCode());
  }

  @Test
  void oneKindIsPagedAndTheApiFollowsNext() {
    JsonNode first = api("ai");
    long total = count(first, "sources");
    assertTrue(total > 20, "many sources mention AI: " + total);
    var r = app.get("/api/v1/search?q=ai&kind=sources&limit=10");
    JsonNode page1;
    try {
      page1 = Json.MAPPER.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    List<String> seen = new ArrayList<>(ids(page1, "sources"));
    String next = page1.get("groups").get(0).get("next").asText();
    while (next != null && !next.equals("null")) {
      JsonNode more;
      try {
        more = Json.MAPPER.readTree(app.get(next).body());
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
      seen.addAll(ids(more, "sources"));
      JsonNode n = more.get("groups").get(0).get("next");
      next = n.isNull() ? null : n.asText();
    }
    assertEquals(total, seen.size());
    assertEquals(total, seen.stream().distinct().count(), "every match once");
    Document html = app.page("/search?q=ai&kind=sources&page=2");
    assertNotNull(html.selectFirst("nav.pager"));
    assertEquals(404, app.get("/search?q=ai&kind=sources&page=999").statusCode());
  }

  @Test
  void anEmptyQueryShowsTheFormAndNoGroups() {
    Document doc = app.page("/search");
    assertEquals("Search", doc.selectFirst("h1").text());
    assertTrue(doc.select("section.search-group").isEmpty());
    assertNull(doc.selectFirst(".search-none"));
  }
}
