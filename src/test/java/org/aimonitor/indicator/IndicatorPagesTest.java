package org.aimonitor.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.aimonitor.TestApp;
import org.aimonitor.store.CsvTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorPagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestApp app;

  @BeforeAll
  static void start(@TempDir Path dir) {
    app = TestApp.start(dir);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Document page(String path, int status) {
    HttpResponse<String> r = app.get(path);
    assertEquals(status, r.statusCode(), path + ": " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
    return Jsoup.parse(r.body(), app.url(path));
  }

  @Test
  void indicatorListGroupsEveryIndicatorByCategoryInTheDatasetOrder() {
    Document doc = page("/indicators", 200);
    List<String> headings = doc.select(".indicator-group h2").eachText();
    assertEquals(List.of("Industry scale", "Enterprises", "Industry segments", "Smart hardware",
        "Adoption", "Computing power", "Global comparisons"), headings);
    assertEquals(32, doc.select("tr[data-indicator]").size());
    assertEquals("page", doc.selectFirst(".site-nav a[href=/indicators]").attr("aria-current"));
  }

  @Test
  void indicatorListShowsTheLatestHeadlineWithQualifierPeriodUnitAndSource() {
    Element row = page("/indicators", 200).selectFirst("tr[data-indicator=ai_core_industry_scale]");
    List<String> cells = row.select("td").eachText();
    assertEquals("> ¥1,200 bn", cells.get(0));
    assertEquals("lower bound", cells.get(1));
    assertEquals("2025", cells.get(2));
    assertEquals("China (mainland)", cells.get(3));
    assertEquals("billion yuan", cells.get(4));
    assertTrue(cells.get(5).startsWith("China News Service (ECNS) ["), cells.get(5));
    assertNotNull(row.selectFirst("a.cite[href^=#source-]"));
    assertEquals("/indicators/ai_core_industry_scale", row.selectFirst("th a").attr("href"));
  }

  @Test
  void anIndicatorWithOnlyTargetsShowsTheTargetLabelledAsSuch() {
    Element row = page("/indicators", 200).selectFirst("tr[data-indicator=ai_terminal_penetration]");
    assertTrue(row.select("td").get(0).text().endsWith("(target)"), row.text());
    assertEquals("target", row.select("td").get(1).text());
  }

  @Test
  void indicatorPageHasChartDefinitionTableCitationAndDownloads() throws Exception {
    Document doc = page("/indicators/ai_core_industry_scale", 200);
    assertEquals("AI core industry scale", doc.selectFirst("h1 span").text());
    assertTrue(doc.selectFirst(".definition").text().contains("core AI industry"));
    JsonNode spec = JSON.readTree(doc.selectFirst("script.chart-spec").data());
    assertEquals("chart-indicator", spec.get("id").asText());
    assertNotNull(doc.getElementById("chart-indicator"));
    assertEquals("/indicators/ai_core_industry_scale.csv", doc.selectFirst(".downloads-line a").attr("href"));
    assertNotNull(doc.selectFirst(".downloads-line a[href=/indicators/ai_core_industry_scale.json]"));
    assertNotNull(doc.selectFirst(".downloads-line a[href=/api/v1/indicators/ai_core_industry_scale]"));
  }

  @Test
  void observationTableShowsEverySourcesFigureForAPeriodWithTheHeadlineMarked() {
    Document doc = page("/indicators/ai_core_industry_scale", 200);
    Element group = doc.selectFirst("tbody.obs-group[data-region=CN][data-period=2024]");
    assertEquals(5, group.select("tr.obs").size(), "five sources give a 2024 figure");
    assertEquals(1, group.select(".badge").size());
    Element headline = group.selectFirst("tr.is-headline");
    assertEquals("> ¥900 bn", headline.selectFirst("td.num").text());
    assertEquals("http://en.people.cn/n3/2025/1001/c90000-20373660.html",
        headline.selectFirst(".obs__source a[rel]").attr("href"));
    assertNotNull(headline.selectFirst("a[href=/sources#src-xinhua-2025-10-01]"));
    assertTrue(headline.selectFirst(".obs__note").text().startsWith("Series break"));
    assertTrue(group.text().contains("269.7"), "the low-reliability figure is listed, not hidden");
    assertTrue(group.select("tr:not(.is-headline) .qualifier").eachText().contains("reported"));
  }

  @Test
  void everyIndicatorPageRendersWithExactlyOneHeadlinePerRegionAndPeriod() {
    Document list = page("/indicators", 200);
    for (Element link : list.select("tr[data-indicator] th a")) {
      Document doc = page(link.attr("href"), 200);
      for (Element group : doc.select("tbody.obs-group")) {
        assertEquals(1, group.select(".badge").size(), link.attr("href") + " " + group.attributes());
      }
      assertFalse(doc.select("tbody.obs-group").isEmpty(), link.attr("href"));
    }
  }

  @Test
  void howToCiteNamesIndicatorVersionDateLinkAndPublishers() {
    Document doc = page("/indicators/ai_core_industry_scale?region=CN&from=2024", 200);
    String cite = doc.selectFirst(".citation").text();
    Pattern format = Pattern.compile("AI Industry Monitor, \"AI core industry scale\" "
        + "\\(ai_core_industry_scale; China \\(mainland\\), from 2024\\), data version \\d+, "
        + "accessed \\d{4}-\\d{2}-\\d{2}, "
        + Pattern.quote(app.url("/indicators/ai_core_industry_scale?region=CN&from=2024"))
        + "; figures from .+\\.");
    assertTrue(format.matcher(cite).matches(), cite);
    assertTrue(cite.contains("Xinhua (via People's Daily Online)"), cite);
  }

  @Test
  void filtersNarrowTheTableAndAreKeptInTheDownloadLinks() {
    Document doc = page("/indicators/ai_enterprises?region=WORLD&from=2024&to=2025", 200);
    List<Element> groups = doc.select("tbody.obs-group");
    assertFalse(groups.isEmpty());
    for (Element g : groups) {
      assertEquals("WORLD", g.attr("data-region"));
      assertTrue(g.attr("data-period").startsWith("2024") || g.attr("data-period").startsWith("2025"), g.attr("data-period"));
    }
    assertEquals("/indicators/ai_enterprises.csv?region=WORLD&from=2024&to=2025",
        doc.selectFirst(".downloads-line a").attr("href"));
    assertEquals("WORLD", doc.selectFirst("select[name=region] option[selected]").val());
    assertEquals("2024", doc.selectFirst("input[name=from]").val());
  }

  @Test
  void aRegionWithoutFiguresGivesAnEmptyViewNotAnError() {
    Document doc = page("/indicators/ai_core_industry_scale?region=US", 200);
    assertTrue(doc.selectFirst(".empty").text().startsWith("No headline figure"));
    assertTrue(doc.select("tbody.obs-group").isEmpty());
  }

  @Test
  void badParametersGiveA400PageThatSaysWhatIsWrong() {
    Document region = page("/indicators/ai_core_industry_scale?region=Mars", 400);
    assertTrue(region.text().contains("Unknown region \"Mars\". Valid regions: CN (China (mainland)), "
        + "CN-GC (Greater China), WORLD (World), US (United States)."), region.text());
    assertTrue(page("/indicators/ai_core_industry_scale?from=last", 400).text()
        .contains("\"from\" must be a year such as 2020"));
    assertTrue(page("/indicators/ai_core_industry_scale?from=2025&to=2020", 400).text()
        .contains("from=2025 is after to=2020"));
    assertTrue(page("/indicators/ai_core_industry_scale.csv?to=99999", 400).text().contains("\"to\""));
  }

  @Test
  void unknownCodesGiveA404PageWithoutAStackTrace() {
    for (String path : List.of("/indicators/no_such_thing", "/indicators/no_such_thing.csv",
        "/indicators/..%2F..%2Fetc")) {
      Document doc = page(path, 404);
      assertFalse(doc.text().contains("Exception"), doc.text());
      assertFalse(doc.text().contains("at org."), doc.text());
    }
    assertTrue(page("/indicators/no_such_thing", 404).text().contains("There is no indicator \"no_such_thing\""));
  }

  @Test
  void csvTwinHoldsTheFilteredFiguresInTheImportFormat() {
    HttpResponse<String> r = app.get("/indicators/ai_enterprises.csv?region=WORLD");
    assertEquals(200, r.statusCode());
    assertEquals("text/csv;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
    assertEquals("attachment; filename=\"ai_enterprises.csv\"", r.headers().firstValue("Content-Disposition").orElse(""));
    List<CsvTable.Row> rows = CsvTable.OBSERVATIONS.read("twin.csv", new StringReader(r.body()));
    assertFalse(rows.isEmpty());
    rows.forEach(row -> {
      assertEquals("ai_enterprises", row.get("indicator"));
      assertEquals("WORLD", row.get("region"));
    });
    Document doc = page("/indicators/ai_enterprises?region=WORLD", 200);
    assertEquals(doc.select("tr.obs").size(), rows.size(), "page and CSV show the same figures");
    assertTrue(r.body().endsWith("\n") && !r.body().contains("\r\n"));
  }

  @Test
  void jsonTwinIsTheApiDocumentForTheSameView() throws Exception {
    HttpResponse<String> twin = app.get("/indicators/ai_pc_share.json?region=CN-GC&to=2026");
    HttpResponse<String> api = app.get("/api/v1/indicators/ai_pc_share?region=CN-GC&to=2026");
    assertEquals(200, twin.statusCode());
    assertTrue(twin.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode a = JSON.readTree(twin.body());
    JsonNode b = JSON.readTree(api.body());
    assertEquals(b, a);
    assertEquals("CN-GC", a.at("/filter/region").asText());
    a.get("observations").forEach(o -> assertEquals("CN-GC", o.get("region").asText()));
  }

  @Test
  void jsonTwinAnswersErrorsAsJson() throws Exception {
    HttpResponse<String> r = app.get("/indicators/nope.json");
    assertEquals(404, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(404, JSON.readTree(r.body()).get("status").asInt());
    HttpResponse<String> bad = app.get("/indicators/ai_pc_share.json?region=XX");
    assertEquals(400, bad.statusCode());
    assertTrue(JSON.readTree(bad.body()).get("message").asText().contains("Unknown region"));
  }
}
