package org.aimonitor.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aimonitor.AppExtension;
import org.aimonitor.TestData;
import org.aimonitor.store.CsvTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An indicator with more figures than a page holds: 250 synthetic monthly US figures of the AI
 * PC share (1900–1920, so they never mix with real ones) besides the seed's, on a real server.
 */
class IndicatorPagingTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String CODE = "ai_pc_share";

  @RegisterExtension
  static final AppExtension app = AppExtension.own();
  static int seedRows;

  @BeforeAll
  static void start() {
    seedRows = (int) TestData.observations(app.db()).stream().filter(o -> o.indicator().equals(CODE)).count();
    TestData.importCsv(app.db(), "months.csv", TestData.syntheticMonths(CODE, "ecns-2026-03-05", 250));
  }

  @Test
  void theFiguresTablePagesAHundredAtATimeWithAPager() {
    int total = seedRows + 250;
    Document first = app.page("/indicators/" + CODE);
    assertEquals(100, first.select("tr.obs").size());
    assertTrue(first.selectFirst("table.observations caption").text().startsWith(total + " figures"),
        first.selectFirst("table.observations caption").text());
    assertEquals("1–100 of " + total, first.selectFirst(".pager__range").text());
    assertEquals("/indicators/" + CODE + "?page=2", first.selectFirst(".pager a[rel=next]").attr("href"));
    assertNull(first.selectFirst(".pager a[rel=prev]"));
    assertEquals("page", first.selectFirst(".pager a[aria-current]").attr("aria-current"));
    assertEquals("1", first.selectFirst(".pager a[aria-current]").text());

    Document last = app.page("/indicators/" + CODE + "?page=3");
    assertEquals(total - 200, last.select("tr.obs").size());
    assertNull(last.selectFirst(".pager a[rel=next]"));
    assertEquals("/indicators/" + CODE + "?page=2", last.selectFirst(".pager a[rel=prev]").attr("href"));
  }

  @Test
  void pagesKeepTheFilterInTheirLinksAndTheFilterCountsWhatItShows() {
    Document us = app.page("/indicators/" + CODE + "?region=US&to=1905");
    assertEquals(72, us.select("tr.obs").size(), "1900–1905, twelve months each");
    assertNull(us.selectFirst(".pager"), "one page");
    Document all = app.page("/indicators/" + CODE + "?region=US&from=1900&page=2");
    assertEquals("/indicators/" + CODE + "?region=US&from=1900&page=3",
        all.selectFirst(".pager a[rel=next]").attr("href"));
    assertEquals("/indicators/" + CODE + "?region=US&from=1900",
        all.selectFirst(".pager a[rel=prev]").attr("href"), "page 1 has no page parameter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "x", "1.5", "99999999"})
  void aBadPageIsRefusedWith400(String value) {
    HttpResponse<String> r = app.get("/indicators/" + CODE + "?page=" + value);
    assertEquals(400, r.statusCode(), value);
    assertTrue(r.body().contains("page"), r.body());
  }

  @Test
  void aPagePastTheEndIsA404ThatNamesTheLastPage() {
    HttpResponse<String> r = app.get("/indicators/" + CODE + "?page=4");
    assertEquals(404, r.statusCode());
    assertTrue(Jsoup.parse(r.body()).text().contains("it has 3"), r.body());
    assertEquals(400, app.get("/indicators/" + CODE + "?page=1&page=2").statusCode(), "given twice");
  }

  @Test
  void theChartDrawsTheLatestPeriodsAndSaysHowManyItLeavesOut() throws Exception {
    Document us = app.page("/indicators/" + CODE + "?region=US");
    JsonNode spec = JSON.readTree(us.selectFirst("script.chart-spec").data());
    assertEquals(250, points(spec), "250 periods fit the chart");
    assertFalse(us.select(".chart__notes li").text().contains("earlier ones"));

    // 450 monthly headlines in another region: more than the chart draws.
    TestData.importCsv(app.db(), "world.csv", TestData.syntheticMonths(CODE, "ecns-2026-03-05", 450)
        .replace(",US,", ",WORLD,"));
    Document world = app.page("/indicators/" + CODE + "?region=WORLD");
    JsonNode drawn = JSON.readTree(world.selectFirst("script.chart-spec").data());
    assertEquals(IndicatorData.MAX_CHART_POINTS, points(drawn));
    String notes = world.select(".chart__notes li").eachText().toString();
    assertTrue(notes.contains("The chart draws the latest 400 headline figures; 50 earlier ones"), notes);
    // Months 1–50 (Jan 1900 – Feb 1904) are left out; month 51 is the first drawn.
    assertFalse(drawn.toString().contains("\"Feb 1904\""), "month 50 is not drawn");
    assertTrue(drawn.toString().contains("\"Mar 1904\""), "month 51 is");
    assertEquals(450, app.page("/indicators/" + CODE + "?region=WORLD&page=5").select("tr.obs").size()
        + 400, "the table still lists every figure");
  }

  private static int points(JsonNode spec) {
    int n = 0;
    for (JsonNode series : spec.get("series")) {
      n += series.get("points").size();
    }
    return n;
  }

  @Test
  void theCsvTwinStreamsEveryFigureOfTheViewInPageOrderAndTheJsonTwinPagesThemWithACursor()
      throws Exception {
    String csv = app.get("/indicators/" + CODE + ".csv").body();
    List<CsvTable.Row> rows = CsvTable.OBSERVATIONS.read("twin.csv", new StringReader(csv));
    Document first = app.page("/indicators/" + CODE);
    assertEquals(seedRows + 250, rows.size(), "the CSV is the whole view, not a page");

    List<String> viaApi = new ArrayList<>();
    String next = "/indicators/" + CODE + ".json?limit=70";
    int answers = 0;
    while (next != null) {
      JsonNode doc = JSON.readTree(app.get(next).body());
      assertEquals(seedRows + 250, doc.get("total").asInt());
      assertTrue(doc.get("observations").size() <= 70);
      doc.get("observations").forEach(o -> viaApi.add(o.get("region").asText() + " "
          + o.get("period").asText() + " " + o.at("/source/id").asText()));
      next = doc.get("next").isNull() ? null : doc.get("next").asText();
      answers++;
    }
    assertEquals((seedRows + 250 + 69) / 70, answers);
    List<String> viaCsv = rows.stream().map(r -> r.get("region") + " " + r.get("period") + " "
        + r.get("source")).toList();
    assertEquals(viaCsv, viaApi, "every figure once, in the same order as the CSV");
    assertEquals(viaCsv.subList(0, 100), first.select("tr.obs").stream().map(tr -> {
      var group = tr.parent();
      return group.attr("data-region") + " " + group.attr("data-period") + " "
          + tr.selectFirst(".obs__source a[href^=/sources/]").attr("href").substring("/sources/".length());
    }).toList(), "and the page shows the first hundred in that order");
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=0", "limit=1001", "limit=x", "cursor=notacursor", "cursor=WzFd"})
  void badPagingParametersOfTheApiAre400InJson(String query) throws Exception {
    HttpResponse<String> r = app.get("/api/v1/indicators/" + CODE + "?" + query);
    assertEquals(400, r.statusCode(), query);
    assertEquals(400, JSON.readTree(r.body()).get("status").asInt());
  }

  @Test
  void everyApiListCanBeWalkedWithItsCursorVisitingEachItemOnce() throws Exception {
    for (String[] list : new String[][] {{"/api/v1/indicators", "indicators", "code"},
        {"/api/v1/sources", "sources", "id"}, {"/api/v1/events", "events", "title"}}) {
      JsonNode whole = JSON.readTree(app.get(list[0] + "?limit=1000").body());
      assertTrue(whole.get("next").isNull(), list[0] + " fits in one answer of 1000");
      List<String> all = new ArrayList<>();
      whole.get(list[1]).forEach(n -> all.add(n.get(list[2]).asText()));
      List<String> walked = new ArrayList<>();
      Set<String> nexts = new HashSet<>();
      String next = list[0] + "?limit=7";
      while (next != null) {
        JsonNode doc = JSON.readTree(app.get(next).body());
        doc.get(list[1]).forEach(n -> walked.add(n.get(list[2]).asText()));
        next = doc.get("next").isNull() ? null : doc.get("next").asText();
        assertTrue(next == null || nexts.add(next), "no cursor repeats");
        if (next != null) {
          assertTrue(next.startsWith(list[0] + "?limit=7&cursor="), next);
        }
      }
      assertEquals(all, walked, list[0]);
      assertNotNull(whole.get(list[1]).get(0));
    }
  }
}
