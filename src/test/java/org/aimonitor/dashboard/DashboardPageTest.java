package org.aimonitor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview page served by the real app over the seeded database, read as HTML. */
class DashboardPageTest {

  @TempDir
  static Path dir;
  static TestApp app;
  static HttpResponse<String> response;
  static Document page;

  @BeforeAll
  static void start() {
    app = TestApp.start(dir);
    response = app.get("/");
    page = Jsoup.parse(response.body(), app.url("/"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Element card(String id) {
    Element card = page.getElementById(id);
    assertNotNull(card, "card " + id);
    return card;
  }

  @Test
  void servesHtmlWithAStrictContentSecurityPolicy() {
    assertEquals(200, response.statusCode());
    assertEquals("text/html;charset=utf-8",
        response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
    String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("default-src 'self'"));
    assertFalse(csp.contains("unsafe-inline"));
  }

  @Test
  void hasNoInlineScriptsOrStyles() {
    for (Element script : page.select("script")) {
      boolean external = script.hasAttr("src");
      boolean data = "application/json".equals(script.attr("type"));
      assertTrue(external || data, "inline script: " + script.outerHtml());
    }
    assertTrue(page.select("style").isEmpty());
    assertTrue(page.select("[style]").isEmpty());
    assertTrue(page.select("*").stream().flatMap(e -> e.attributes().asList().stream())
        .noneMatch(a -> a.getKey().startsWith("on")), "no event-handler attributes");
  }

  @Test
  void loadsChartJsFromTheWebjarOnOurOwnServer() {
    Element chartJs = page.selectFirst("script[src*=chart.umd]");
    assertNotNull(chartJs);
    assertTrue(chartJs.attr("src").startsWith("/webjars/chart.js/"), chartJs.attr("src"));
    assertEquals(200, app.get(chartJs.attr("src")).statusCode());
    assertEquals(200, app.get("/static/js/charts.js").statusCode());
  }

  @Test
  void showsDataAsOfTheNewestPublicationAmongTheFigures() {
    assertEquals("5 Mar 2026", page.selectFirst(".as-of strong").text());
  }

  @Test
  void scaleCardShowsTheLatestYearAsALowerBoundWithGrowth() {
    Element card = card("kpi-scale");
    assertEquals("> ¥1,200 bn", card.selectFirst(".kpi__value").text());
    assertTrue(card.selectFirst(".kpi__meta").text().contains("2025"));
    assertTrue(card.selectFirst(".kpi__meta").text().contains("lower bound"));
    String more = card.select(".kpi__more li").text();
    assertTrue(more.contains("Scale 2024: > ¥900 bn"), more);
    assertTrue(more.contains("YoY growth 2024: +24 %"), more);
    assertTrue(card.text().contains("No year-on-year growth has been published for 2025"));
  }

  @Test
  void enterpriseCardShowsTheLatestCountAndItsDate() {
    Element card = card("kpi-enterprises");
    assertEquals("> 6,200 enterprises", card.selectFirst(".kpi__value").text());
    assertTrue(card.selectFirst(".kpi__meta").text().startsWith("end of 2025"));
  }

  @Test
  void globalShareIsLabelledAsAShareOfEnterprisesNotOfTheMarket() {
    Element card = card("kpi-global-share");
    assertEquals("Share of the world's AI enterprises", card.selectFirst("h3").text());
    assertEquals("15 %", card.selectFirst(".kpi__value").text());
    assertTrue(card.text().contains("not of the global AI market"));
  }

  @Test
  void segmentCardListsTheThreeSegmentGrowthRates() {
    Element card = card("kpi-segments");
    List<String> rows = card.select(".kpi__list > div").eachText();
    assertEquals(3, rows.size());
    assertTrue(rows.get(0).startsWith("Infrastructure +54 %"), rows.get(0));
    assertTrue(rows.get(1).startsWith("Models +18 %"), rows.get(1));
    assertTrue(rows.get(2).startsWith("Applications +13 %"), rows.get(2));
  }

  @Test
  void everyCitationLinksToANumberedSourceNoteWithPublisherTitleDateAndLink() {
    List<Element> cites = page.select("a.cite");
    assertTrue(cites.size() > 20);
    for (Element cite : cites) {
      String target = cite.attr("href");
      Element note = page.getElementById(target.substring(1));
      assertNotNull(note, "note for " + target);
      assertFalse(note.selectFirst(".source__publisher").text().isBlank());
      assertFalse(note.selectFirst(".source__title").text().isBlank());
      assertTrue(note.selectFirst(".source__url").attr("href").startsWith("http"));
    }
    Element first = page.getElementById("source-1");
    assertTrue(first.text().contains("China News Service (ECNS)"), first.text());
    assertTrue(first.text().contains("5 Mar 2026"), first.text());
  }

  @Test
  void cardSourceNumbersPointAtTheSourceOfTheirFigure() {
    String href = card("kpi-segments").selectFirst("a.cite").attr("href");
    Element note = page.getElementById(href.substring(1));
    assertTrue(note.selectFirst(".source__url").attr("href").contains("en.people.cn/n3/2025/1001"),
        "segment growth comes from the Xinhua dispatch of 1 Oct 2025");
  }

  @Test
  void everyChartHasACanvasWithAnAccessibleNameAndAJsonSpecAndATable() throws Exception {
    List<Element> figures = page.select("figure.chart");
    assertEquals(4, figures.size());
    ObjectMapper json = new ObjectMapper();
    for (Element figure : figures) {
      Element canvas = figure.selectFirst("canvas");
      assertEquals("img", canvas.attr("role"));
      assertTrue(canvas.attr("aria-label").length() > 40, canvas.attr("aria-label"));
      JsonNode spec = json.readTree(figure.selectFirst("script.chart-spec").data());
      assertEquals(canvas.id(), spec.get("id").asText());
      int points = 0;
      for (JsonNode series : spec.get("series")) {
        points += series.get("points").size();
      }
      assertEquals(points, figure.select("tbody tr[data-series]").size(),
          "one table row per drawn point in " + canvas.id());
      assertFalse(figure.select(".chart__unit").text().isBlank());
      assertFalse(figure.select(".chart__sources a.cite").isEmpty());
    }
  }

  @Test
  void chartTableRowsCarryTheSameValuesAsTheChartJson() throws Exception {
    Element figure = page.getElementById("chart-market-scale-figure");
    JsonNode spec = new ObjectMapper().readTree(figure.selectFirst("script.chart-spec").data());
    List<String> fromJson = new ArrayList<>();
    for (JsonNode series : spec.get("series")) {
      for (JsonNode p : series.get("points")) {
        fromJson.add(series.get("label").asText() + "|" + p.get("period").asText() + "|" + p.get("text").asText());
      }
    }
    List<String> fromTable = figure.select("tbody tr[data-series]").stream()
        .map(tr -> tr.child(0).text() + "|" + tr.child(1).text() + "|" + tr.child(2).text())
        .toList();
    assertEquals(fromJson, fromTable);
    assertTrue(fromTable.contains("Scale (actual)|2024|> ¥900 bn"));
    assertTrue(fromTable.contains("Scale (forecast)|2035|¥1,729.5 bn (forecast)"));
    assertTrue(fromTable.contains("Policy targets|2030|¥1,000 bn (target)"));
    assertTrue(fromTable.contains("YoY growth|2024|+24 %"));
  }

  @Test
  void runningStatementsAreListedApartFromTheAnnualBars() {
    Element statements = page.selectFirst("#chart-market-scale-figure table.statements");
    assertNotNull(statements);
    String text = statements.text();
    assertTrue(text.contains("Sep 2024") && text.contains("≈ ¥600 bn"), text);
    assertTrue(text.contains("Jul 2022") && text.contains("> ¥400 bn"), text);
  }

  @Test
  void hardwareChartShowsPhonesPcsAndDriverAssistanceWithTheAiPlusTargets() throws Exception {
    JsonNode spec = new ObjectMapper().readTree(
        page.selectFirst("#chart-hardware-figure script.chart-spec").data());
    List<String> labels = new ArrayList<>();
    spec.get("series").forEach(s -> labels.add(s.get("label").asText()));
    assertTrue(labels.containsAll(List.of("AI phones", "AI PCs", "L2 driver assistance (new cars)",
        "AI Plus targets")), labels.toString());
    JsonNode targets = spec.get("series").get(labels.indexOf("AI Plus targets")).get("points");
    assertEquals(70.0, targets.get(0).get("y").asDouble());
    assertEquals(90.0, targets.get(1).get("y").asDouble());
  }

  @Test
  void enterpriseChartShowsChinaAndTheWorld() {
    String table = page.selectFirst("#chart-enterprises-figure table").text();
    assertTrue(table.contains("China end of 2025 > 6,200 enterprises"), table);
    assertTrue(table.contains("World end of Q3 2023 29,542 enterprises"), table);
  }

  @Test
  void timelineListsEveryEventInDateOrderWithItsSource() {
    List<Element> items = page.select(".timeline li");
    assertEquals(28, items.size());
    assertEquals("2017-03", items.get(0).selectFirst("time").attr("datetime"));
    assertTrue(items.stream().anyMatch(li -> li.text().contains("'AI Plus' Opinions published")));
    assertTrue(items.stream().allMatch(li -> li.selectFirst("a.cite") != null));
  }
}
