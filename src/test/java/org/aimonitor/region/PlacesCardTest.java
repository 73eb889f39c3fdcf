package org.aimonitor.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aimonitor.Fixtures;
import org.aimonitor.TestApp;
import org.aimonitor.TestData;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Region;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview's card on where the industry is: the latest AI-enterprise figure of each of the
 * provinces with the most recent figures, each with its date and what it counts, listed in the
 * order of places (not ranked) when their dates differ; bounded, and deaf to old figures.
 */
class PlacesCardTest {

  @TempDir
  Path dir;

  static final Indicator ENTERPRISES = Fixtures.indicator("ai_enterprises", "enterprises", "count",
      "enterprises", 0);

  @Test
  void theCardListsTheLatestFigureOfEachProvinceWithItsDateAndDoesNotRankDifferentDates() {
    try (TestApp app = TestApp.start(dir)) {
      Document doc = Jsoup.parse(app.get("/").body());
      Element card = doc.selectFirst("section.overview-places");
      assertNotNull(card);
      assertEquals("Where the industry is", card.selectFirst("h2").text());
      assertEquals("AI enterprises by province: the latest sourced figure of each", card.selectFirst("h3").text());
      assertEquals(List.of("CN-BJ", "CN-SH", "CN-GD", "CN-AH", "CN-SC", "CN-HB", "CN-HN"),
          card.select("tbody tr").eachAttr("data-region"), "in the order of places, not by value");
      Element bj = card.selectFirst("tr[data-region=CN-BJ]");
      assertEquals("> 2,500 enterprises", bj.select("td").get(0).text());
      assertEquals("Nov 2025", bj.select("td").get(1).text(), "each figure labelled with its date");
      assertEquals("lower bound", bj.select("td").get(2).text());
      assertTrue(card.selectFirst("tr[data-region=CN-GD] .obs__note").text().contains("a registry count"),
          "what each figure counts stays beside it");
      assertTrue(card.text().contains("Listed in the order of places, not ranked"), card.text());
      assertTrue(card.text().contains("Places are never added up"));
      for (Element cite : card.select("a.cite")) {
        assertNotNull(doc.getElementById(cite.attr("href").substring(1)), cite.attr("href"));
      }
      assertEquals("/regions", card.selectFirst("a[href=/regions]").attr("href"));
      assertEquals(200, app.get(card.selectFirst("h3 a").attr("href").replace("#places", "")).statusCode());

      Element zh = Jsoup.parse(app.get("/?lang=zh").body()).selectFirst("section.overview-places");
      assertEquals("产业分布", zh.selectFirst("h2").text());
      assertEquals("2025年11月", zh.selectFirst("tr[data-region=CN-BJ]").select("td").get(1).text());
      // chinese: the note is the Chinese one, in the page's language.
      assertEquals("", zh.selectFirst(".obs__note span").attr("lang"));
    }
  }

  @Test
  void oldFiguresOfThousandsOfPlacesLeaveTheCardAsItWasAndNewOnesNeverGrowIt() {
    try (TestApp app = TestApp.start(dir)) {
      String before = Jsoup.parse(app.get("/").body()).selectFirst("section.overview-places").outerHtml();
      TestData.importSyntheticPlaces(app.db(), "ai_enterprises", "ecns-2026-03-05", "1950", 300);
      String after = Jsoup.parse(app.get("/").body()).selectFirst("section.overview-places").outerHtml();
      assertEquals(before, after, "figures from 1950 are outside the overview's years");

      // Figures newer than every real one: the card shows the eight most recent places, no more.
      StringBuilder csv = new StringBuilder(TestData.OBSERVATIONS_HEADER);
      for (int i = 1; i <= 3; i++) {
        csv.append("ai_enterprises,").append(TestData.syntheticPlace(i))
            .append(",2026-02,5,reported,ecns-2026-03-05,1,Synthetic test row (not a real figure)\n");
      }
      TestData.importCsv(app.db(), "recent.csv", csv.toString());
      Element card = Jsoup.parse(app.get("/").body()).selectFirst("section.overview-places");
      assertEquals(PlacesCard.PLACES, card.select("tbody tr").size());
      assertTrue(card.select("tbody tr").eachAttr("data-region").contains(TestData.syntheticPlace(1)));
      assertFalse(card.select("tbody tr").eachAttr("data-region").contains("CN-GD"),
          "Guangdong's figure (Jan 2024) is the oldest, so it makes way");
    }
  }

  @Test
  void figuresOfOnePeriodAreRankedLargestFirstAndSaySo() {
    Map<String, org.aimonitor.store.Source> sources = Map.of("s1", Fixtures.source("s1", "2025-01-01"));
    PlacesCard.Latest latest = new PlacesCard.Latest(ENTERPRISES, List.of(
        placed("CN-BJ", "Beijing", "2400", "lower_bound"), placed("CN-HB", "Hubei", "1605", "reported"),
        placed("CN-SC", "Sichuan", "9000", "reported")), sources);
    PlacesCard card = PlacesCard.build(latest, new SourceNotes(sources), Text.EN);
    assertTrue(card.ranked());
    assertEquals(List.of("CN-SC", "CN-BJ", "CN-HB"), card.rows().stream().map(PlacesCard.Row::code).toList());
    assertEquals("Ranked, largest first: every figure is for end of 2025. Definitions still differ: see what each one counts.",
        card.note());
    assertNull(PlacesCard.build(new PlacesCard.Latest(ENTERPRISES, List.of(), Map.of()), null, Text.EN));
  }

  static Ranking.Placed placed(String code, String name, String value, String qualifier) {
    return new Ranking.Placed(new Region(code, name, name, "CN", "province"),
        Fixtures.obs("ai_enterprises", code, "2025", value, qualifier, "s1", true));
  }
}
