package org.aimonitor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.AppExtension;
import org.aimonitor.i18n.Lang;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The overview page served by the real app over the seeded database, read as HTML: in English
 * ({@code page}) and in Chinese ({@code zh}, {@code /?lang=zh}); checks of the page's make-up
 * run on both.
 */
class DashboardPageTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();
  static HttpResponse<String> response;
  static Document page;
  static Map<Lang, HttpResponse<String>> responses = new EnumMap<>(Lang.class);
  static Map<Lang, Document> pages = new EnumMap<>(Lang.class);
  static Document zh;

  @BeforeAll
  static void start() {
    for (Lang lang : Lang.values()) {
      String path = lang == Lang.EN ? "/" : "/?lang=" + lang.code();
      HttpResponse<String> r = app.get(path);
      responses.put(lang, r);
      pages.put(lang, Jsoup.parse(r.body(), app.url(path)));
    }
    response = responses.get(Lang.EN);
    page = pages.get(Lang.EN);
    zh = pages.get(Lang.ZH);
  }

  private static Element card(String id) {
    return card(page, id);
  }

  private static Element card(Document doc, String id) {
    Element card = doc.getElementById(id);
    assertNotNull(card, "card " + id);
    return card;
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void servesHtmlWithAStrictContentSecurityPolicy(Lang lang) {
    HttpResponse<String> response = responses.get(lang);
    assertEquals(200, response.statusCode());
    assertEquals("text/html;charset=utf-8",
        response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
    String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("default-src 'self'"));
    assertFalse(csp.contains("unsafe-inline"));
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void hasNoInlineScriptsOrStyles(Lang lang) {
    Document page = pages.get(lang);
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
    assertEquals("> ¥1,200 billion", card.selectFirst(".kpi__value").text());
    assertTrue(card.selectFirst(".kpi__meta").text().contains("2025"));
    assertTrue(card.selectFirst(".kpi__meta").text().contains("lower bound"));
    String more = card.select(".kpi__more li").text();
    assertTrue(more.contains("Scale 2024: > ¥900 billion"), more);
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

  @ParameterizedTest
  @EnumSource(Lang.class)
  void everyCitationLinksToANumberedSourceNoteWithPublisherTitleDateAndLink(Lang lang) {
    Document page = pages.get(lang);
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
    assertTrue(first.text().contains(lang == Lang.EN ? "5 Mar 2026" : "2026年3月5日"), first.text());
  }

  @Test
  void cardSourceNumbersPointAtTheSourceOfTheirFigure() {
    String href = card("kpi-segments").selectFirst("a.cite").attr("href");
    Element note = page.getElementById(href.substring(1));
    assertTrue(note.selectFirst(".source__url").attr("href").contains("en.people.cn/n3/2025/1001"),
        "segment growth comes from the Xinhua dispatch of 1 Oct 2025");
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void everyChartHasACanvasWithAnAccessibleNameAndAJsonSpecAndATable(Lang lang) throws Exception {
    Document page = pages.get(lang);
    List<Element> figures = page.select("figure.chart");
    assertEquals(4, figures.size());
    ObjectMapper json = new ObjectMapper();
    for (Element figure : figures) {
      Element canvas = figure.selectFirst("canvas");
      assertEquals("img", canvas.attr("role"));
      assertTrue(canvas.attr("aria-label").length() > (lang == Lang.EN ? 40 : 20), canvas.attr("aria-label"));
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

  /** The market-scale chart's table rows as "series|period|value", checked against its JSON. */
  private static List<String> scaleTableRows(Document page) throws Exception {
    Element figure = page.getElementById("chart-market-scale-figure");
    JsonNode spec = new ObjectMapper().readTree(figure.selectFirst("script.chart-spec").data());
    List<String> fromJson = new ArrayList<>();
    for (JsonNode series : spec.get("series")) {
      for (JsonNode p : series.get("points")) {
        fromJson.add(series.get("label").asText() + "|" + p.get("period").asText() + "|" + p.get("text").asText());
      }
    }
    // Figures beyond the time axis are written at its edge and listed after the drawn ones.
    for (JsonNode b : spec.get("beyond")) {
      fromJson.add(b.get("series").asText() + "|" + b.at("/point/period").asText() + "|"
          + b.at("/point/text").asText());
    }
    List<String> fromTable = figure.select("tbody tr[data-series], tbody tr[data-beyond]").stream()
        .map(tr -> tr.child(0).text() + "|" + tr.child(1).text() + "|" + tr.child(2).text())
        .toList();
    assertEquals(fromJson, fromTable);
    return fromTable;
  }

  @Test
  void chartTableRowsCarryTheSameValuesAsTheChartJson() throws Exception {
    List<String> fromTable = scaleTableRows(page);
    assertTrue(fromTable.contains("Scale (actual)|2024|> ¥900 billion"), fromTable.toString());
    assertTrue(fromTable.contains("Scale (forecast)|2035|¥1,729.5 billion (forecast)"));
    assertTrue(fromTable.contains("Policy targets|2030|¥1,000 billion (target)"));
    assertTrue(fromTable.contains("YoY growth|2024|+24 %"));
  }

  @Test
  void runningStatementsAreListedApartFromTheAnnualBars() {
    Element statements = page.selectFirst("#chart-market-scale-figure table.statements");
    assertNotNull(statements);
    String text = statements.text();
    assertTrue(text.contains("Sep 2024") && text.contains("≈ ¥600 billion"), text);
    assertTrue(text.contains("Jul 2022") && text.contains("> ¥400 billion"), text);
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
    assertEquals(1, targets.size(), "2030 lies beyond the axis (actuals end in 2025)");
    assertEquals(90.0, spec.at("/beyond/0/point/y").asDouble(), "and is written at its edge");
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
    assertEquals(Math.min(org.aimonitor.Seed.EVENTS, DashboardView.TIMELINE_EVENTS), items.size());
    // The newest 30 of the seed's events, oldest first; the timeline page has them all.
    assertEquals("2023-10-09", items.get(0).selectFirst("time").attr("datetime"));
    assertTrue(items.stream().anyMatch(li -> li.text().contains("'AI Plus' Opinions published")));
    assertTrue(items.stream().allMatch(li -> li.selectFirst("a.cite") != null));
    assertTrue(page.select(".timeline__desc[lang]").isEmpty(), "English descriptions on an English page");
  }

  // ---- The page in Chinese ----

  @Test
  void chinesePageIsMarkedChineseWithChineseTitleAndHeadings() {
    assertEquals("zh-CN", zh.selectFirst("html").attr("lang"));
    assertTrue(responses.get(Lang.ZH).body().contains("<html lang=\"zh-CN\""));
    assertEquals("概览 · 人工智能产业监测", zh.title());
    assertEquals("中国人工智能产业概览", zh.selectFirst("h1").text());
    assertTrue(zh.selectFirst(".as-of").text().matches("数据截至2026年3月5日，即\\d+个月前（所示数据中最新的发布日期）"),
        zh.selectFirst(".as-of").text());
    assertEquals("2026年3月5日", zh.selectFirst(".as-of strong").text());
    // A database that was only seeded says so, rather than dating the data by the server's start.
    assertTrue(zh.selectFirst(".last-import").text().matches("随附数据于.+载入，此后尚无导入带来新数据。"),
        zh.selectFirst(".last-import").text());
    assertEquals(List.of("主要数据", "趋势", "产业分布", "政策与数据大事记", "来源"), zh.select("main h2").eachText());
  }

  @Test
  void chineseScaleCardIsIn100MillionYuanWithChinesePeriodsAndQualifiers() {
    Element card = card(zh, "kpi-scale");
    assertEquals("人工智能核心产业规模", card.selectFirst("h3").text());
    assertEquals("超过1.2万亿元", card.selectFirst(".kpi__value").text());
    assertTrue(card.selectFirst(".kpi__meta").text().contains("2025年"), card.text());
    assertTrue(card.selectFirst(".kpi__meta").text().contains("下限"), card.text());
    String more = card.select(".kpi__more li").text();
    // The separator after the label is the shared fragment's.
    assertTrue(more.matches(".*2024年规模[:：] ?超过9000亿元.*"), more);
    assertTrue(more.matches(".*2024年同比增速[:：] ?\\+24%.*"), more);
    assertTrue(card.text().contains("2025年同比增速尚未公布。"), card.text());
  }

  @Test
  void chineseEnterpriseShareAndSegmentCards() {
    Element firms = card(zh, "kpi-enterprises");
    assertEquals("超过6200家", firms.selectFirst(".kpi__value").text());
    assertTrue(firms.selectFirst(".kpi__meta").text().startsWith("2025年末"), firms.text());
    Element share = card(zh, "kpi-global-share");
    assertEquals("占全球人工智能企业数量的比重", share.selectFirst("h3").text());
    assertEquals("15%", share.selectFirst(".kpi__value").text());
    assertTrue(share.text().contains("并非占全球人工智能市场的份额"), share.text());
    Element segments = card(zh, "kpi-segments");
    assertEquals("2024年各层营收增速", segments.selectFirst("h3").text());
    List<String> rows = segments.select(".kpi__list > div").eachText();
    assertTrue(rows.get(0).startsWith("基础设施层 +54%"), rows.get(0));
    assertTrue(rows.get(1).startsWith("模型框架层 +18%"), rows.get(1));
    assertTrue(rows.get(2).startsWith("行业应用层 +13%"), rows.get(2));
  }

  @Test
  void chineseChartsDrawTheSameFiguresInChineseUnits() throws Exception {
    List<String> rows = scaleTableRows(zh);
    assertTrue(rows.contains("规模（实际值）|2024年|超过9000亿元"), rows.toString());
    assertTrue(rows.contains("规模（预测值）|2035年|1.7295万亿元（预测）"), rows.toString());
    assertTrue(rows.contains("规划目标|2030年|1万亿元（目标）"), rows.toString());
    assertTrue(rows.contains("同比增速|2024年|+24%"), rows.toString());
    ObjectMapper json = new ObjectMapper();
    JsonNode en = json.readTree(page.selectFirst("#chart-market-scale-figure script.chart-spec").data());
    JsonNode cn = json.readTree(zh.selectFirst("#chart-market-scale-figure script.chart-spec").data());
    assertEquals("亿元", cn.get("axes").get(0).get("title").asText());
    JsonNode enBars = en.get("series").get(0).get("points");
    JsonNode cnBars = cn.get("series").get(0).get("points");
    assertEquals(enBars.size(), cnBars.size());
    for (int i = 0; i < enBars.size(); i++) {
      assertEquals(enBars.get(i).get("y").asDouble() * 10, cnBars.get(i).get("y").asDouble(), 1e-6,
          "bar " + i + " in 亿元 = 10 × billion yuan");
    }
    String statements = zh.selectFirst("#chart-market-scale-figure table.statements").text();
    assertTrue(statements.contains("2024年9月") && statements.contains("约6000亿元"), statements);
    assertTrue(zh.selectFirst("#chart-market-scale-figure .chart__notes").text().contains("7260亿元"));
    String firms = zh.selectFirst("#chart-enterprises-figure table").text();
    assertTrue(firms.contains("中国 2025年末 超过6200家"), firms);
    assertTrue(firms.contains("全球 2023年第3季度末 2.9542万家"), firms);
    assertEquals(List.of("人工智能核心产业规模", "人工智能核心产业规模增速"),
        zh.select("#chart-market-scale-figure .chart__links a").eachText());
  }

  @Test
  void chineseHardwareChartNamesItsSeriesInChinese() throws Exception {
    JsonNode spec = new ObjectMapper().readTree(
        zh.selectFirst("#chart-hardware-figure script.chart-spec").data());
    List<String> labels = new ArrayList<>();
    spec.get("series").forEach(s -> labels.add(s.get("label").asText()));
    assertTrue(labels.containsAll(List.of("AI手机", "AI PC", "L2级组合驾驶辅助（乘用车新车）",
        "“人工智能+”行动目标")), labels.toString());
    JsonNode targets = spec.get("series").get(labels.indexOf("“人工智能+”行动目标")).get("points");
    assertEquals(70.0, targets.get(0).get("y").asDouble());
    assertEquals("70%（目标）", targets.get(0).get("text").asText());
  }

  @Test
  void chineseTimelineHasChineseTitlesDatesAndDescriptions() {
    List<Element> items = zh.select(".timeline li");
    assertEquals(Math.min(org.aimonitor.Seed.EVENTS, DashboardView.TIMELINE_EVENTS), items.size());
    assertTrue(items.stream().anyMatch(li -> li.selectFirst(".timeline__title").text()
        .equals("《国务院关于深入实施“人工智能+”行动的意见》公布")));
    Element plan = items.stream().filter(li -> li.selectFirst("time").attr("datetime").equals("2026-03-12"))
        .findFirst().orElseThrow();
    assertEquals("2026年3月12日", plan.selectFirst("time").text());
    assertEquals("政策", plan.selectFirst(".tag").text());
    // chinese: every seed event has a Chinese description, in the page's language (an event
    // without one is shown in English, marked: ChineseNotesTest).
    assertTrue(plan.selectFirst(".timeline__desc").text().startsWith("十四届全国人大四次会议于2026年3月12"),
        plan.selectFirst(".timeline__desc").text());
    for (Element li : items) {
      assertEquals("", li.selectFirst(".timeline__desc").attr("lang"), "in Chinese, not marked English");
    }
  }
}
