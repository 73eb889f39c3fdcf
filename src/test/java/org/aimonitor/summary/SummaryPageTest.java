package org.aimonitor.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.AppExtension;
import org.aimonitor.i18n.Lang;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /summary} as served: its figures, sources, controls and CSP-safe markup, in English
 * ({@code page}) and Chinese ({@code zh}, {@code /summary?lang=zh}).
 */
class SummaryPageTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();
  static HttpResponse<String> response;
  static Document page;
  static Map<Lang, Document> pages = new EnumMap<>(Lang.class);
  static Document zh;

  @BeforeAll
  static void start() {
    response = app.get("/summary");
    page = Jsoup.parse(response.body(), app.url("/summary"));
    zh = Jsoup.parse(app.get("/summary?lang=zh").body(), app.url("/summary?lang=zh"));
    pages.put(Lang.EN, page);
    pages.put(Lang.ZH, zh);
  }

  private static Element keyFigureRow(String measure, String period) {
    return keyFigureRow(page, measure, period);
  }

  private static Element keyFigureRow(Document page, String measure, String period) {
    return page.select("table.key-figures tbody tr").stream()
        .filter(tr -> tr.selectFirst("th").text().equals(measure) && tr.child(3).ownText().equals(period))
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
    assertEquals("> ¥1,200 billion", scale.child(1).text());
    assertEquals("lower bound", scale.child(2).text());
    assertEquals("[1]", scale.child(4).text());
    assertEquals("#source-1", scale.selectFirst("a.cite").attr("href"));
    assertEquals("+54 %", keyFigureRow("Foundational infrastructure revenue growth", "2024").child(1).text());
    assertEquals("> 6,200 enterprises", keyFigureRow("AI enterprises", "end of 2025").child(1).text());
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void everyCitationLeadsToASourceNoteWithPublisherTitleDateAndFullUrl(Lang lang) {
    Document page = pages.get(lang);
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

  @ParameterizedTest
  @EnumSource(Lang.class)
  void showsTheThreeMainChartsWithTheirData(Lang lang) {
    Document page = pages.get(lang);
    assertEquals(List.of("chart-market-scale", "chart-segment-growth", "chart-hardware"),
        page.select(".summary__charts canvas").eachAttr("id"));
    assertEquals(3, page.select(".summary__charts script.chart-spec[type=application/json]").size());
    for (Element figure : page.select(".summary__charts figure.chart")) {
      assertFalse(figure.select("tr[data-series][data-point][data-y]").isEmpty(), figure.id() + " data table");
      assertFalse(figure.select(".chart__sources a.cite").isEmpty(), figure.id() + " sources");
    }
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void listsPolicyMilestonesWithTheirSources(Lang lang) {
    Document page = pages.get(lang);
    List<Element> milestones = page.select("ol.milestones > li");
    assertTrue(milestones.size() >= 5 && milestones.size() < 28, "a selection of events");
    for (Element m : milestones) {
      assertTrue(m.selectFirst("time").attr("datetime").matches("\\d{4}-\\d{2}(-\\d{2})?"));
      assertNotNull(m.selectFirst("a.cite"), "milestone cites its source");
    }
  }

  @Test
  void listsNotesOnTheData() {
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

  @ParameterizedTest
  @EnumSource(Lang.class)
  void hasNoInlineScriptOrStyle(Lang lang) {
    Document page = pages.get(lang);
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

  // ---- In Chinese ----

  @Test
  void chineseSummaryIsMarkedChineseWithChineseTitleAndHeadings() {
    assertEquals("zh-CN", zh.selectFirst("html").attr("lang"));
    assertEquals("摘要 · 人工智能产业监测", zh.title());
    assertEquals("中国人工智能产业摘要", zh.selectFirst("h1").text());
    assertTrue(zh.selectFirst(".as-of").text().matches("数据截至2026年3月5日，即\\d+个月前（所示数据中最新的发布日期）"),
        zh.selectFirst(".as-of").text());
    assertEquals(List.of("主要数据", "数据说明", "趋势", "政策里程碑", "来源"), zh.select("main h2").eachText());
    assertEquals(List.of("指标", "数值", "性质", "时期", "来源"), zh.select("table.key-figures thead th").eachText());
    assertEquals("打印", zh.selectFirst("button[data-print]").text());
    assertEquals("page", zh.selectFirst(".site-nav a[href=/summary]").attr("aria-current"));
  }

  @Test
  void chineseKeyFiguresAreInChineseUnitsWithChinesePeriodsAndQualifiers() {
    Element scale = keyFigureRow(zh, "人工智能核心产业规模", "2025年");
    assertEquals("超过1.2万亿元", scale.child(1).text());
    assertEquals("下限", scale.child(2).text());
    assertEquals("[1]", scale.child(4).text());
    assertEquals("超过9000亿元", keyFigureRow(zh, "人工智能核心产业规模", "2024年").child(1).text());
    assertEquals("+24%", keyFigureRow(zh, "人工智能核心产业规模增速", "2024年").child(1).text());
    assertEquals("+54%", keyFigureRow(zh, "基础设施层营收增速", "2024年").child(1).text());
    assertEquals("超过6200家", keyFigureRow(zh, "人工智能企业数量", "2025年末").child(1).text());
    assertEquals("64%", keyFigureRow(zh, "L2级组合驾驶辅助新车渗透率", "2025年1–9月").child(1).text());
    assertEquals(page.select("table.key-figures tbody tr").size(), zh.select("table.key-figures tbody tr").size());
  }

  @Test
  void chineseMilestonesNotesAndGenerationLine() {
    List<Element> milestones = zh.select("ol.milestones > li");
    assertEquals(page.select("ol.milestones > li").size(), milestones.size());
    assertTrue(milestones.stream().anyMatch(m -> m.text().contains("十四届全国人大四次会议批准“十五五”规划纲要")
        && m.selectFirst("time").text().equals("2026年3月12日")), "Chinese title and date");
    String notes = zh.selectFirst("ul.data-notes").text();
    assertTrue(notes.contains("2023年与2024年之间存在序列断点"), notes);
    assertTrue(notes.contains("超过9000亿元") && notes.contains("7260亿元") && notes.contains("5784亿元"), notes);
    assertTrue(notes.contains("并非占全球人工智能市场的份额"), notes);
    String generated = zh.selectFirst(".summary__generated").text();
    assertTrue(generated.matches("本摘要由人工智能产业监测根据第\\d+版数据生成于\\d{4}年\\d{1,2}月\\d{1,2}日 "
        + "\\d{2}:\\d{2}（UTC）。完整数据表和全部大事记见概览页。"), generated);
    assertEquals("/", zh.selectFirst(".summary__generated a").attr("href"));
    String en = page.selectFirst(".summary__generated").text();
    assertTrue(en.matches("Generated \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC from data version \\d+ "
        + "of the AI Industry Monitor\\. Full data tables and the complete timeline are on the overview page\\."), en);
  }

  @Test
  void chineseChartsAreTheSameChartsInChinese() {
    assertEquals(List.of("人工智能核心产业规模（按年）", "2024年各层营收增速", "中国智能硬件普及情况"),
        zh.select(".summary__charts figure.chart h3").eachText());
    assertEquals(page.select(".summary__charts tr[data-series]").size(),
        zh.select(".summary__charts tr[data-series]").size());
  }
}
