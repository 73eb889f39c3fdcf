package org.aimonitor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class SourcesAndTimelinePagesTest {

  private static TestApp app;

  @BeforeAll
  static void start(@TempDir Path dir) {
    app = TestApp.start(dir);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Document page(String path) {
    HttpResponse<String> r = app.get(path);
    assertEquals(200, r.statusCode(), path);
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    return Jsoup.parse(r.body());
  }

  @Test
  void sourcesPageListsEverySourceWithPublisherTitleDateLanguageAndReliability() {
    Document doc = page("/sources");
    assertEquals(76, doc.select("li.source-entry").size());
    Element xinhua = doc.getElementById("src-xinhua-2025-10-01");
    assertTrue(xinhua.selectFirst("h2").text().startsWith("Xinhua (via People's Daily Online): China's AI industry thrives"));
    assertEquals("http://en.people.cn/n3/2025/1001/c90000-20373660.html", xinhua.selectFirst("h2 a").attr("href"));
    List<String> facts = xinhua.select(".source-entry__facts dd").eachText();
    assertEquals(List.of("1 Oct 2025", "English", "official", "xinhua-2025-10-01"), facts);
    assertEquals("page", doc.selectFirst(".site-nav a[href=/sources]").attr("aria-current"));
  }

  @Test
  void sourcesPageCountsReliabilityLevelsAsTheDatasetDocuments() {
    assertEquals(List.of("official 12", "news 28", "secondary 35", "low 1"),
        page("/sources").select(".reliability-counts li").eachText());
  }

  @Test
  void eachSourceListsTheFiguresItBacksLinkedToTheirIndicatorPage() {
    Element xinhua = page("/sources").getElementById("src-xinhua-2025-10-01");
    Element scale = xinhua.select(".backed li").stream()
        .filter(li -> li.text().startsWith("AI core industry scale, China (mainland), 2024"))
        .findFirst().orElseThrow();
    assertEquals("/indicators/ai_core_industry_scale?region=CN", scale.selectFirst("a").attr("href"));
    assertTrue(scale.text().contains("> ¥900 bn"));
    assertNotNull(scale.selectFirst(".badge"), "the headline is marked");
    Element french = page("/sources").getElementById("src-ripaa-2025");
    assertTrue(french.text().contains("French"));
  }

  @Test
  void timelineListsEveryEventOldestFirstWithACitedSource() {
    Document doc = page("/timeline");
    List<Element> items = doc.select("li.timeline__item");
    assertEquals(28, items.size());
    List<String> dates = new ArrayList<>();
    for (Element item : items) {
      dates.add(item.selectFirst("time").attr("datetime"));
      String target = item.selectFirst("a.cite").attr("href").substring(1);
      assertNotNull(doc.getElementById(target), "note " + target + " exists");
    }
    List<String> sorted = new ArrayList<>(dates);
    sorted.sort(null);
    assertEquals(sorted, dates);
    assertEquals("page", doc.selectFirst(".site-nav a[href=/timeline]").attr("aria-current"));
  }
}
