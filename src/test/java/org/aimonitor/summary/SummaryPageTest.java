package org.aimonitor.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.aimonitor.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /summary} as served: its figures, sources, controls and CSP-safe markup. */
class SummaryPageTest {

  @TempDir
  static Path dir;
  static TestApp app;
  static HttpResponse<String> response;
  static Document page;

  @BeforeAll
  static void start() {
    app = TestApp.start(dir);
    response = app.get("/summary");
    page = Jsoup.parse(response.body(), app.url("/summary"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Element keyFigureRow(String measure, String period) {
    return page.select("table.key-figures tbody tr").stream()
        .filter(tr -> tr.selectFirst("th").text().equals(measure) && tr.child(3).text().equals(period))
        .findFirst().orElseThrow(() -> new AssertionError("no key-figure row " + measure + " " + period));
  }

  @Test
  void servesTheSummaryInTheSiteLayout() {
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(response.headers().firstValue("content-security-policy").orElse("").contains("script-src 'self'"));
    assertEquals("Summary · AI Industry Monitor", page.title());
    assertEquals("China's AI industry: summary", page.selectFirst("h1").text());
    assertTrue(page.selectFirst(".as-of").text().startsWith("Data as of "));
  }

  @Test
  void navigationMarksTheSummaryAsTheCurrentPage() {
    Element link = page.selectFirst(".site-nav a[href=/summary]");
    assertNotNull(link, "Summary link in the navigation");
    assertEquals("Summary", link.text());
    assertEquals("page", link.attr("aria-current"));
    assertFalse(page.selectFirst(".site-nav a[href=/]").hasAttr("aria-current"));
  }

  @Test
  void keyFiguresShowValueQualifierPeriodAndSourceNumber() {
    Element scale = keyFigureRow("AI core industry scale", "2025");
    assertEquals("> ¥1,200 bn", scale.child(1).text());
    assertEquals("lower bound", scale.child(2).text());
    assertEquals("[1]", scale.child(4).text());
    assertEquals("#source-1", scale.selectFirst("a.cite").attr("href"));
    assertEquals("+54 %", keyFigureRow("Foundational infrastructure revenue growth", "2024").child(1).text());
    assertEquals("> 6,200 enterprises", keyFigureRow("AI enterprises", "end of 2025").child(1).text());
  }

  @Test
  void everyCitationLeadsToASourceNoteWithPublisherTitleDateAndFullUrl() {
    List<Element> cites = page.select("a.cite");
    assertTrue(cites.size() > 20, "the page cites its figures");
    for (Element cite : cites) {
      String id = cite.attr("href").substring(1);
      assertNotNull(page.getElementById(id), cite.text() + " points to a missing note");
    }
    List<Element> notes = page.select("ol.source-notes > li");
    assertEquals(notes.size(), page.select("a.cite").stream().map(a -> a.attr("href")).distinct().count(),
        "every note is cited");
    for (Element note : notes) {
      assertFalse(note.selectFirst(".source__publisher").text().isBlank(), note.id() + " publisher");
      assertFalse(note.selectFirst(".source__title").text().isBlank(), note.id() + " title");
      assertFalse(note.selectFirst(".source__date").text().isBlank(), note.id() + " date");
      Element url = note.selectFirst("a.source__url");
      assertTrue(url.attr("href").startsWith("http"), note.id() + " link");
      assertEquals(url.attr("href"), url.text(), note.id() + " prints its full URL");
    }
  }

  @Test
  void showsTheThreeMainChartsWithTheirData() {
    assertEquals(List.of("chart-market-scale", "chart-segment-growth", "chart-hardware"),
        page.select(".summary__charts canvas").eachAttr("id"));
    assertEquals(3, page.select(".summary__charts script.chart-spec[type=application/json]").size());
    for (Element figure : page.select(".summary__charts figure.chart")) {
      assertFalse(figure.select("tr[data-series][data-point][data-y]").isEmpty(), figure.id() + " data table");
      assertFalse(figure.select(".chart__sources a.cite").isEmpty(), figure.id() + " sources");
    }
  }

  @Test
  void listsPolicyMilestonesAndNotesOnTheData() {
    List<Element> milestones = page.select("ol.milestones > li");
    assertTrue(milestones.size() >= 5 && milestones.size() < 28, "a selection of events");
    for (Element m : milestones) {
      assertTrue(m.selectFirst("time").attr("datetime").matches("\\d{4}-\\d{2}(-\\d{2})?"));
      assertNotNull(m.selectFirst("a.cite"), "milestone cites its source");
    }
    String notes = page.selectFirst("ul.data-notes").text();
    assertTrue(notes.contains("Series break between 2023 and 2024"));
    assertTrue(notes.contains("not of the global AI market"));
  }

  @Test
  void hasAPrintButtonForScriptsToEnable() {
    Element button = page.selectFirst("button[data-print]");
    assertNotNull(button, "Print button");
    assertEquals("Print", button.text());
    assertEquals("button", button.attr("type"));
    assertTrue(button.hasAttr("hidden"), "hidden until charts.js can prepare the charts for print");
  }

  @Test
  void hasNoInlineScriptOrStyle() {
    for (Element script : page.select("script")) {
      assertTrue(script.hasAttr("src") || script.attr("type").equals("application/json"),
          "inline script: " + script.outerHtml());
    }
    assertTrue(page.select("style").isEmpty(), "style element");
    assertTrue(page.select("[style]").isEmpty(), "style attribute");
    for (Element el : page.getAllElements()) {
      for (Attribute a : el.attributes()) {
        assertFalse(a.getKey().toLowerCase().startsWith("on"), "event handler " + a + " on " + el.tagName());
      }
    }
  }
}
