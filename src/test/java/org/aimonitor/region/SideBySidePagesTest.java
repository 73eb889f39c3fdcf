package org.aimonitor.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Places side by side on indicator pages, on the seed: the ranking of one period (the default
 * rule, {@code period=}, refusals, qualifiers kept apart, never a sum), the comparison of chosen
 * places over time ({@code region=A,B,C}), indicators with regional figures only, the full
 * ranking; and, with 130 synthetic provinces in one period, the caps and pages of a long ranking.
 */
class SideBySidePagesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static TestApp app;
  static TestApp big;

  @BeforeAll
  static void start(@TempDir Path seed, @TempDir Path more) {
    app = TestApp.start(seed);
    big = TestApp.start(more);
    TestData.importSyntheticPlaces(big.db(), "ai_enterprises", "ecns-2026-03-05", "1950", 130);
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

  static Document page(String path) {
    return page(app, path, 200);
  }

  /** The ranked places in the ranking table, by code, in table order. */
  static List<String> ranked(Document doc) {
    return doc.select("#places table.ranking:not(.ranking--projections) tbody tr").eachAttr("data-region");
  }

  static JsonNode spec(Document doc, String id) throws Exception {
    Element figure = doc.getElementById(id + "-figure");
    assertNotNull(figure, "no " + id);
    return JSON.readTree(figure.selectFirst("script.chart-spec").data());
  }

  static List<String> labels(JsonNode series) {
    List<String> out = new ArrayList<>();
    series.get("points").forEach(p -> out.add(p.get("x").asText()));
    return out;
  }

  @Test
  void byDefaultThePeriodAndLevelWithTheMostPlacesAreRankedAndTheRuleIsSaid() throws Exception {
    // Cities have 4 figures for 2024; no period of the provinces has more than 2.
    Document doc = page("/indicators/ai_enterprises");
    Element places = doc.getElementById("places");
    assertEquals("Provinces and cities side by side", places.selectFirst("h2").text());
    assertEquals("Period ranked: end of 2024 (of the latest periods, the one in which the most places have an actual figure).",
        places.selectFirst(".period-chooser p.period-rule").text());
    assertEquals(List.of("CN-HB-WH", "CN-AH-HF", "CN-JS-SU", "CN-ZJ-HZ"), ranked(doc), "cities only, never their provinces");
    assertEquals("Cities", places.selectFirst(".level-links a[aria-current]").text());
    assertEquals("/indicators/ai_enterprises?level=province#places",
        places.selectFirst(".level-links a:not([aria-current])").attr("href"), "the reader can switch level");
    assertEquals("true", places.selectFirst(".period-links a[aria-current]").attr("aria-current"));
    assertEquals("end of 2024", places.selectFirst(".period-links a[aria-current]").text());
    JsonNode spec = spec(doc, "chart-ranking");
    assertEquals("y", spec.get("indexAxis").asText());
    assertEquals("AI enterprises: places ranked, end of 2024", spec.get("title").asText());
    // Provinces: the period with the most of them among their latest, the newest of equals.
    Document provinces = page("/indicators/ai_enterprises?level=province");
    assertEquals(List.of("CN-AH", "CN-HN"), ranked(provinces));
    assertEquals("Jan 2026", provinces.selectFirst(".period-links a[aria-current]").text());
    assertEquals(400, app.get("/indicators/ai_enterprises?level=county").statusCode());
    assertEquals(400, app.get("/indicators/ai_enterprises/ranking?level=country").statusCode());
    assertEquals("chart-ranking-table-caption",
        doc.getElementById("chart-ranking").attr("aria-describedby"), "the chart's table is the ranking");
    assertNotNull(doc.getElementById("chart-ranking-table-caption"));
  }

  @Test
  void aPeriodIsAPermalinkAndPlacesAreRankedByValueWithLowerBoundsDrawnApart() throws Exception {
    Document doc = page("/indicators/ai_enterprises?period=2024&level=city");
    assertEquals("Period ranked: end of 2024 (the period asked for).", doc.selectFirst(".period-chooser p.period-rule").text());
    // As numbers: 1,326 > 1,078 > 667 > 500, which as text would sort 667 first.
    assertEquals(List.of("CN-HB-WH", "CN-AH-HF", "CN-JS-SU", "CN-ZJ-HZ"), ranked(doc));
    Element table = doc.selectFirst("#places table.ranking");
    assertEquals(List.of("1", "2", "3", "4"), table.select("tbody td:first-child").eachText());
    assertEquals("lower bound", table.selectFirst("tr[data-region=CN-ZJ-HZ] .qualifier").text());
    // Beijing, a province, is ranked among provinces only.
    assertEquals(List.of("CN-BJ"), ranked(page("/indicators/ai_enterprises?period=2024&level=province")));
    assertEquals("> 2,400 enterprises", page("/indicators/ai_enterprises?period=2024&level=province")
        .selectFirst("#places tr[data-region=CN-BJ] td:nth-child(4)").text());
    assertTrue(table.selectFirst("tr[data-region=CN-HB-WH] .obs__note").text().contains("Association enterprise database"),
        "each figure keeps its note beside it");
    JsonNode series = spec(doc, "chart-ranking").get("series");
    assertEquals(1, series.size(), "one series: each bar is marked by its qualifier");
    assertEquals(List.of("Wuhan", "Hefei", "Suzhou", "Hangzhou"), labels(series.get(0)));
    List<String> marks = new java.util.ArrayList<>();
    series.get(0).get("points").forEach(p -> marks.add(p.get("mark").asText()));
    assertEquals("lower_bound", marks.get(3), "Hangzhou's lower bound is drawn hatched with >");
    assertEquals("reported", marks.get(0));
  }

  @Test
  void figuresFromWeakSourcesAreMarkedAndTheMarkIsExplainedInTheKey() {
    java.util.Map<String, String> reliability = new java.util.HashMap<>();
    org.aimonitor.TestData.sources(app.db()).forEach(src -> reliability.put(src.id(), src.reliability()));
    java.util.Map<String, String> headlineSource = new java.util.HashMap<>();
    org.aimonitor.TestData.observations(app.db()).stream()
        .filter(o -> o.indicator().equals("ai_enterprises") && o.period().code().equals("2024") && o.headline())
        .forEach(o -> headlineSource.put(o.region(), o.source()));
    int weak = 0;
    for (String level : List.of("city", "province")) {
      Document doc = page("/indicators/ai_enterprises/ranking?period=2024&level=" + level);
      for (Element row : doc.select("table.ranking tbody tr")) {
        String rel = reliability.get(headlineSource.get(row.attr("data-region")));
        boolean marked = row.selectFirst("td:nth-child(4) .weak-mark") != null;
        assertEquals(rel.equals("secondary") || rel.equals("low"), marked, row.attr("data-region") + " (" + rel + ")");
        if (marked) {
          weak++;
          assertEquals("† (source of secondary or low reliability)", row.selectFirst(".weak-mark").text());
          assertTrue(doc.selectFirst("table.ranking caption .caption-key").text().startsWith("† The figure's source is secondary"),
              "the key says what the mark means");
        }
      }
    }
    assertTrue(weak > 0, "the seed has weak sources among the 2024 rankings");
  }

  @Test
  void forecastsAndTargetsAreListedApartAndTheNationalFigureStandsBesideNotAsASum() throws Exception {
    Document doc = page("/indicators/ai_enterprises?period=2025&level=province");
    assertEquals(List.of("CN-HB"), ranked(doc));
    Element projections = doc.selectFirst("table.ranking--projections");
    assertEquals("Forecasts and targets for end of 2025: listed apart, not ranked", projections.selectFirst("caption").text());
    assertEquals(List.of("CN-GD", "CN-CQ"), projections.select("tbody tr").eachAttr("data-region"));
    assertEquals(List.of("", ""), projections.select("tbody td:first-child").stream().map(Element::text).toList(),
        "no rank");
    assertTrue(projections.text().contains("2,000 enterprises (target)"));
    JsonNode spec = spec(doc, "chart-ranking");
    assertFalse(spec.toString().contains("target"), "targets are not drawn among the ranked bars");
    assertEquals(List.of("Hubei"), JSON.convertValue(spec.at("/x/labels"), List.class));
    assertEquals("China (mainland), same period: > 6,200 enterprises (lower bound) [1]: the national source's own figure, not a sum of the places.",
        doc.selectFirst(".places__national").text().replaceAll("\\[\\d+]", "[1]"));
    assertEquals(3, doc.select("#places tbody tr").size(), "one ranked, two apart, and no total row");
    String text = doc.getElementById("places").text();
    assertTrue(text.contains("Places are never added up"), text);
    assertFalse(text.matches("(?s).*\\b[Tt]otal of\\b.*"), "nothing is summed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"period=2024-13", "period=abc", "period=2024&period=2025", "period=24",
      "period=2025-Q5", "period=2025-09/2025-01"})
  void aBadPeriodIsRefusedWith400(String query) {
    Document doc = page(app, "/indicators/ai_enterprises?" + query, 400);
    assertTrue(doc.text().contains("period"), doc.text());
    assertEquals(400, app.get("/indicators/ai_enterprises/ranking?" + query).statusCode());
  }

  @Test
  void aPeriodWithoutRegionalFiguresIsAnEmptyRankingThatPointsToThePeriodsWithFigures() {
    Document doc = page("/indicators/ai_enterprises?period=1990");
    assertEquals("No province or city has a headline figure for end of 1990. The periods above have figures.",
        doc.selectFirst("#places .empty").text());
    assertNull(doc.getElementById("chart-ranking-figure"));
    assertFalse(doc.select("#places .period-links a").isEmpty());
    Document zh = page("/indicators/ai_enterprises?period=1990&lang=zh");
    assertEquals("没有省或城市有1990年末的主数据。上面列出的时期有数据。", zh.selectFirst("#places .empty").text());
  }

  @Test
  void anIndicatorWithRegionalFiguresOnlyLeadsWithTheRanking() {
    Document doc = page("/indicators/ai_industry_scale");
    assertNull(doc.getElementById("series"), "no empty national chart");
    assertEquals(List.of("Definition", "Freshness", "View", "Provinces and cities side by side", "All figures",
        "How to cite", "Sources"), doc.select("main h2").eachText());
    assertTrue(doc.selectFirst(".places__lead").text().startsWith("This indicator has figures for provinces and cities only"));
    assertEquals("2024", doc.selectFirst(".period-links a[aria-current]").text(),
        "four provinces in 2024 and in 2023, four cities in 2024: provinces when equal, the newest period");
    assertEquals("Provinces and municipalities", doc.selectFirst(".level-links a[aria-current]").text());
    assertEquals(java.util.Set.of("CN-AH", "CN-SC", "CN-SH", "CN-ZJ"), new java.util.HashSet<>(ranked(doc)));
    // An indicator with a national series keeps its chart first.
    assertNotNull(page("/indicators/ai_enterprises").getElementById("series"));
    // An indicator without regional figures has no places section.
    assertNull(page("/indicators/ai_pc_share").getElementById("places"));
  }

  @Test
  void placesChosenByCodeAreComparedOverTimeWithLinksThatTakeThemOut() throws Exception {
    Document doc = page("/indicators/ai_enterprises?region=CN-BJ,CN-SH,CN-GD");
    Element series = doc.getElementById("series");
    assertEquals("Places compared over time", series.selectFirst("h2").text());
    JsonNode spec = spec(doc, "chart-comparison");
    assertEquals("AI enterprises: Beijing, Shanghai, Guangdong compared", spec.get("title").asText());
    List<String> names = new ArrayList<>();
    spec.get("series").forEach(s -> names.add(s.get("label").asText()));
    assertEquals(List.of("Beijing", "Shanghai", "Guangdong", "Guangdong: forecasts and targets"), names);
    assertEquals(List.of("Beijing", "Shanghai", "Guangdong"), series.select(".chosen a:not(.chosen__remove)").eachText());
    assertEquals("/indicators/ai_enterprises?region=CN-SH,CN-GD#series",
        series.selectFirst(".chosen a.chosen__remove").attr("href"));
    // The table of figures shows the chosen places only, with their notes.
    assertEquals(List.of("CN-BJ", "CN-SH", "CN-GD"), doc.select("table.observations tbody.obs-group")
        .eachAttr("data-region").stream().distinct().toList());
    // The ranking marks the chosen places and offers the others.
    Document ranking = page("/indicators/ai_enterprises?region=CN-SH&period=2023&level=province");
    Element sh = ranking.selectFirst("#places tr[data-region=CN-SH]");
    assertTrue(sh.hasClass("is-chosen"));
    assertEquals("chosen", sh.selectFirst(".badge").text());
    assertEquals("/indicators/ai_enterprises?region=CN-SH,CN-GD&period=2023&level=province#series",
        ranking.selectFirst("#places tr[data-region=CN-GD] a[href*='?region=']").attr("href"));
    assertEquals("CN-SH", ranking.selectFirst("#compare input[name=region]").val());
    assertEquals("province", ranking.selectFirst("#compare input[name=level]").val(), "the level is kept");
  }

  @Test
  void aRankingOffersToCompareItsPlacesOneByOneOrTheFirstFive() {
    Document doc = page("/indicators/ai_enterprises?period=2024");
    assertEquals("/indicators/ai_enterprises?region=CN-HB-WH&period=2024#series",
        doc.selectFirst("#places tr[data-region=CN-HB-WH] a[href*='?region=']").attr("href"));
    assertEquals("Compare Wuhan", doc.selectFirst("#places tr[data-region=CN-HB-WH] a[href*='?region=']").text(),
        "the link's name says which place it adds");
    Element top = doc.selectFirst("#compare a[href*='?region=']");
    assertEquals("Compare the 4 places ranked first", top.text());
    assertEquals("/indicators/ai_enterprises?region=CN-HB-WH,CN-AH-HF,CN-JS-SU,CN-ZJ-HZ&period=2024#series",
        top.attr("href"));
    Document four = page(top.attr("href").replace("#series", ""));
    assertTrue(four.select("#places table.ranking a[href*='?region=']").isEmpty(), "every ranked place chosen: none to add");
    assertEquals(4, four.select("#series .chosen__remove").size());
  }

  @Test
  void theComparisonRefusesUnknownPlacesAndMoreThanFive() {
    assertTrue(page(app, "/indicators/ai_enterprises?region=CN-BJ,CN-XX", 400).text().contains("CN-XX"));
    Document six = page(app, "/indicators/ai_enterprises?region=CN-BJ,CN-SH,CN-GD,CN-ZJ,CN-JS,CN-AH", 400);
    assertTrue(six.text().contains("At most 5 places can be compared at once; 6 were given."), six.text());
    assertEquals(400, app.get("/api/v1/indicators/ai_enterprises?region=CN-BJ,CN-XX").statusCode());
  }

  @Test
  void aComparisonOfPlacesWithoutFiguresSaysSo() {
    Document doc = page("/indicators/ai_pc_share?region=CN-BJ,CN-SH");
    assertEquals("None of these places has a headline figure for this indicator in these years.",
        doc.selectFirst("#series .empty").text());
  }

  @Test
  void inChineseTheRankingAndTheComparisonSpeakChinese() throws Exception {
    Document doc = page("/indicators/ai_enterprises?lang=zh");
    assertEquals("各省市并列比较", doc.selectFirst("#places h2").text());
    assertEquals("人工智能企业数量：各地区排名，2024年末", spec(doc, "chart-ranking").get("title").asText());
    assertEquals("城市", doc.selectFirst("#places .level-links a[aria-current]").text());
    assertEquals("893家", page("/indicators/ai_enterprises?level=province&lang=zh")
        .selectFirst("#places tr[data-region=CN-AH] td:nth-child(4)").text());
    Document cmp = page("/indicators/ai_enterprises?region=CN-BJ,CN-SH&lang=zh");
    assertEquals("各地区跨时期比较", cmp.selectFirst("#series h2").text());
    assertEquals("人工智能企业数量：北京市，上海市比较", spec(cmp, "chart-comparison").get("title").asText());
  }

  @Test
  void theFullRankingListsEveryPlaceOfThePeriodWithoutAChart() {
    Document doc = page("/indicators/ai_enterprises/ranking?period=2024");
    assertEquals("AI enterprises: places ranked, end of 2024", doc.selectFirst("h1").text());
    assertEquals(List.of("CN-HB-WH", "CN-AH-HF", "CN-JS-SU", "CN-ZJ-HZ"),
        doc.select("table.ranking:not(.ranking--projections) tbody tr").eachAttr("data-region"));
    assertEquals(List.of("CN-BJ"), page("/indicators/ai_enterprises/ranking?period=2024&level=province")
        .select("table.ranking:not(.ranking--projections) tbody tr").eachAttr("data-region"));
    assertTrue(doc.select("canvas").isEmpty());
    assertEquals("/indicators/ai_enterprises/ranking?period=2024",
        page("/indicators/ai_enterprises/ranking").selectFirst(".period-links a[aria-current]").attr("href"),
        "without period= the default rule's period");
    assertEquals(404, app.get("/indicators/no_such_indicator/ranking").statusCode());
    for (String path : List.of("/indicators/ai_pc_share/ranking", "/indicators/ai_pc_share/ranking?period=2024")) {
      assertEquals("No province or city has a figure for this indicator.", page(path).selectFirst(".empty").text(), path);
    }
    assertEquals(404, app.get("/indicators/ai_enterprises/ranking?period=2024&page=2").statusCode());
  }

  @Test
  void aLongRankingDrawsTheFirstTwentyFiveAndPagesTheFullRanking() throws Exception {
    Document doc = page(big, "/indicators/ai_enterprises?period=1950&level=province", 200);
    assertEquals(25, JSON.convertValue(spec(doc, "chart-ranking").at("/x/labels"), List.class).size());
    assertEquals(25, ranked(doc).size(), "the table beside the chart lists what it draws");
    assertEquals(TestData.syntheticPlace(1), ranked(doc).get(0));
    Element full = doc.selectFirst(".places__full a");
    assertEquals("The full ranking of all 130 places", full.text());
    assertEquals("/indicators/ai_enterprises/ranking?period=1950&level=province", full.attr("href"));
    Document first = page(big, full.attr("href"), 200);
    assertEquals(100, first.select("table.ranking tbody tr").size());
    assertEquals("/indicators/ai_enterprises/ranking?period=1950&level=province&page=2",
        first.selectFirst(".pager a[rel=next]").attr("href"));
    Document second = page(big, "/indicators/ai_enterprises/ranking?period=1950&level=province&page=2", 200);
    assertEquals(30, second.select("table.ranking tbody tr").size());
    assertEquals("101", second.selectFirst("table.ranking tbody td").text(), "ranks go on across pages");
    assertEquals(404, big.get("/indicators/ai_enterprises/ranking?period=1950&level=province&page=3").statusCode());
    assertEquals("end of 2024", page(big, "/indicators/ai_enterprises", 200)
        .selectFirst(".period-links a[aria-current]").text(), "old synthetic figures do not move the default");
  }

  @Test
  void theIndicatorApiTakesSeveralPlacesAndEchoesThem() throws Exception {
    JsonNode doc = JSON.readTree(app.get("/api/v1/indicators/ai_enterprises?region=CN-BJ,CN-SH").body());
    assertEquals("CN-BJ,CN-SH", doc.at("/filter/region").asText());
    assertEquals(List.of("CN-BJ", "CN-SH"), JSON.convertValue(doc.at("/filter/regions"), List.class));
    List<String> regions = new ArrayList<>();
    doc.get("observations").forEach(o -> regions.add(o.get("region").asText()));
    assertEquals(List.of("CN-BJ", "CN-SH"), regions.stream().distinct().toList());
    assertEquals(regions.size(), doc.get("total").asInt());
    JsonNode one = JSON.readTree(app.get("/api/v1/indicators/ai_enterprises?region=CN-GD-SZ").body());
    assertEquals(3, one.get("total").asInt(), "a city is a known code too");
  }
}
