package org.aimonitor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.AppExtension;
import org.aimonitor.i18n.Lang;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SourcesAndTimelinePagesTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  private static Document page(String path) {
    return page(path, Lang.EN);
  }

  /** The page in {@code lang}: English by default, Chinese asked for with Accept-Language. */
  private static Document page(String path, Lang lang) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path)));
    if (lang == Lang.ZH) {
      request.header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
    }
    HttpResponse<String> r = app.send(request.GET().build());
    assertEquals(200, r.statusCode(), path);
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    Document doc = Jsoup.parse(r.body());
    assertEquals(lang.htmlLang(), doc.selectFirst("html").attr("lang"), path);
    return doc;
  }

  /** The register's entry of source {@code id}, on whichever of its pages it is. */
  private static Element entry(String id, Lang lang) {
    for (int p = 1; p <= 2; p++) {
      Element e = page("/sources" + (p == 1 ? "" : "?page=" + p), lang).getElementById("src-" + id);
      if (e != null) {
        return e;
      }
    }
    throw new AssertionError("no source " + id + " in the register");
  }

  @Test
  void sourcesPageListsEverySourceWithPublisherTitleDateLanguageAndReliability() {
    Document doc = page("/sources?page=2");
    assertEquals("Sources", doc.selectFirst("h1").text());
    assertEquals(100, page("/sources").select("li.source-entry").size());
    assertEquals(org.aimonitor.Seed.SOURCES - 100, doc.select("li.source-entry").size(), "a hundred sources to a page");
    Element xinhua = entry("xinhua-2025-10-01", Lang.EN);
    assertTrue(xinhua.selectFirst("h2").text().startsWith("Xinhua (via People's Daily Online): China's AI industry thrives"));
    assertEquals("http://en.people.cn/n3/2025/1001/c90000-20373660.html", xinhua.selectFirst("h2 a").attr("href"));
    List<String> facts = xinhua.select(".source-entry__facts dd").eachText();
    assertEquals(List.of("1 Oct 2025", "English", "official", "xinhua-2025-10-01"), facts);
    assertEquals("page", doc.selectFirst(".site-nav a[href=/sources]").attr("aria-current"));
    assertFalse(xinhua.selectFirst(".source-entry__publisher").hasAttr("lang"), "English is the page's language");
  }

  @Test
  void sourcesPageInChineseTranslatesTheInterfaceAndMarksTheDatasetsEnglishWords() {
    Document doc = page("/sources?lang=zh", Lang.ZH);
    assertEquals("来源", doc.selectFirst("h1").text());
    assertTrue(doc.selectFirst("title").text().startsWith("来源 · "), doc.selectFirst("title").text());
    assertTrue(doc.selectFirst(".as-of").text().startsWith("共引用" + org.aimonitor.Seed.SOURCES + "个网页"), doc.selectFirst(".as-of").text());
    assertTrue(doc.selectFirst(".lede").text().contains("官方"));
    Element xinhua = entry("xinhua-2025-10-01", Lang.ZH);
    assertEquals(List.of("日期", "语言", "可信度", "编号"), xinhua.select(".source-entry__facts dt").eachText());
    assertEquals(List.of("2025年10月1日", "英文", "官方", "xinhua-2025-10-01"),
        xinhua.select(".source-entry__facts dd").eachText());
    assertEquals("Xinhua (via People's Daily Online)：China's AI industry thrives with over 5,300 enterprises",
        xinhua.selectFirst("h2").text());
    assertEquals("en", xinhua.selectFirst(".source-entry__publisher").attr("lang"));
    assertEquals("en", xinhua.selectFirst("h2 a").attr("lang"));
    assertEquals("en", xinhua.selectFirst(".source-entry__note").attr("lang"));
    assertTrue(entry("ripaa-2025", Lang.ZH).text().contains("法文"));
    assertEquals("fr", entry("ripaa-2025", Lang.ZH).selectFirst("h2 a").attr("lang"));
    assertFalse(doc.select("h2 a[lang=zh-CN]").isEmpty(), "Chinese titles are marked Chinese");
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void sourcesPageCountsReliabilityLevelsAsTheDatasetDocuments(Lang lang) {
    List<String> expected = lang == Lang.ZH
        ? List.of("官方 23", "新闻媒体 54", "二手来源 92", "低可信度 4")
        : List.of("official 23", "news 54", "secondary 92", "low 4");
    assertEquals(expected, page("/sources", lang).select(".reliability-counts li").eachText());
  }

  @Test
  void theRegisterCountsWhatEachSourceBacksAndLinksToItsIndicatorsAndItsOwnPage() {
    Element xinhua = entry("xinhua-2025-10-01", Lang.EN);
    // Eight figures of seven indicators and one event (data/*.csv); the register names the first
    // five indicators in category order.
    assertEquals("Figures: 8 · indicators: 7 · events: 1", xinhua.selectFirst(".source-entry__backs").text());
    assertEquals(List.of("/indicators/ai_core_industry_growth", "/indicators/ai_core_industry_scale",
            "/indicators/ai_enterprises", "/indicators/segment_growth_applications",
            "/indicators/segment_growth_infrastructure"),
        xinhua.select(".source-entry__indicators a").eachAttr("href"));
    assertTrue(xinhua.selectFirst(".source-entry__indicators").text().endsWith(" and 2 more."),
        xinhua.selectFirst(".source-entry__indicators").text());
    assertEquals("/sources/xinhua-2025-10-01", xinhua.selectFirst(".source-entry__link a").attr("href"));
    assertTrue(xinhua.select(".backed").isEmpty(), "the register counts figures; the source's page lists them");
    Element french = entry("ripaa-2025", Lang.EN);
    assertTrue(french.text().contains("French"));
  }

  @Test
  void aSourcesPageListsTheFiguresItBacksLinkedToTheirIndicatorPage() {
    Document doc = page("/sources/xinhua-2025-10-01");
    assertTrue(doc.selectFirst("h1").text().startsWith("Xinhua (via People's Daily Online): China's AI industry thrives"));
    Element scale = doc.select(".backed li").stream()
        .filter(li -> li.text().startsWith("AI core industry scale, China (mainland), 2024"))
        .findFirst().orElseThrow();
    assertEquals("/indicators/ai_core_industry_scale?region=CN", scale.selectFirst("a").attr("href"));
    assertTrue(scale.text().contains("> ¥900 billion"), scale.text());
    assertNotNull(scale.selectFirst(".badge"), "the headline is marked");
    assertEquals("Headline", scale.selectFirst(".badge").text());
    assertEquals("Figures it backs (8)", doc.getElementById("figures-title").text());
    Element enterprises = doc.select(".backed li").stream()
        .filter(li -> li.text().startsWith("AI enterprises, China (mainland), Sep 2025"))
        .findFirst().orElseThrow();
    assertTrue(enterprises.text().contains("> 5,300 enterprises"), enterprises.text());
    assertNull(doc.selectFirst(".pager"), "eight figures fit on one page");
  }

  @Test
  void anUnknownSourceIsA404AndABadPageA400() {
    assertEquals(404, app.get("/sources/no-such-source").statusCode());
    assertEquals(400, app.get("/sources/xinhua-2025-10-01?page=x").statusCode());
    assertEquals(404, app.get("/sources/xinhua-2025-10-01?page=2").statusCode(), "past the last page");
  }

  @Test
  void inChineseTheFiguresAreInChineseUnitsWithChinesePeriodsAndNames() {
    Document doc = page("/sources/xinhua-2025-10-01", Lang.ZH);
    assertTrue(doc.getElementById("figures-title").text().startsWith("所支撑的数据（"),
        doc.getElementById("figures-title").text());
    Element scale = doc.select(".backed li").stream()
        .filter(li -> li.text().startsWith("人工智能核心产业规模，中国（大陆），2024年："))
        .findFirst().orElseThrow(() -> new AssertionError(doc.select(".backed li").eachText()));
    assertTrue(scale.text().contains("超过9000亿元"), "billions of yuan converted to 亿元: " + scale.text());
    assertEquals("主数据", scale.selectFirst(".badge").text());
    assertTrue(doc.select(".backed li").eachText().stream()
        .anyMatch(t -> t.startsWith("人工智能企业数量") && t.contains("2025年9月") && t.contains("超过5300家")),
        doc.select(".backed li").eachText().toString());
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void sourcesListTheEventsTheyBackWithTheTitleInThePagesLanguage(Lang lang) {
    Document usito = page("/sources/usito-2017-ai-plan", lang);
    List<String> events = usito.select(".backed a[href=/timeline]").eachText();
    assertEquals(List.of(lang == Lang.ZH
        ? "2017年7月20日：国务院印发《新一代人工智能发展规划》"
        : "20 Jul 2017: State Council releases the New Generation AI Development Plan"), events);
    assertEquals(lang == Lang.ZH ? "所支撑的事件" : "Events it backs", usito.getElementById("events-title").text());
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void timelineListsEveryEventOldestFirstWithACitedSource(Lang lang) {
    Document doc = page("/timeline", lang);
    List<Element> items = doc.select("li.timeline__item");
    assertEquals(org.aimonitor.Seed.EVENTS, items.size());
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

  private static Element plan(Document doc) {
    return doc.select("li.timeline__item").stream()
        .filter(li -> li.selectFirst("time").attr("datetime").equals("2017-07-20"))
        .findFirst().orElseThrow();
  }

  @Test
  void timelineInEnglishShowsTheEnglishTitleWithTheChineseOneBeside() {
    Document doc = page("/timeline");
    assertEquals("Timeline", doc.selectFirst("h1").text());
    assertEquals(org.aimonitor.Seed.EVENTS + " events · CSV · JSON", doc.selectFirst(".as-of").text());
    Element plan = plan(doc);
    assertEquals("20 Jul 2017", plan.selectFirst("time").text());
    assertEquals("policy", plan.selectFirst(".tag").text());
    assertEquals("State Council releases the New Generation AI Development Plan", plan.selectFirst(".timeline__title").text());
    assertEquals("国务院印发《新一代人工智能发展规划》", plan.selectFirst(".timeline__zh[lang=zh-CN]").text());
    assertFalse(plan.selectFirst(".timeline__desc").hasAttr("lang"));
    assertEquals("Mar 2017", doc.selectFirst("li.timeline__item time").text(), "known to the month only");
  }

  @Test
  void timelineInChineseShowsTheChineseTitleDatesAndDescriptions() {
    Document doc = page("/timeline?lang=zh", Lang.ZH);
    assertEquals("大事记", doc.selectFirst("h1").text());
    assertEquals("大事记 · 人工智能产业监测", doc.selectFirst("title").text());
    assertEquals("共" + org.aimonitor.Seed.EVENTS + "个事件 · CSV · JSON", doc.selectFirst(".as-of").text());
    Element plan = plan(doc);
    assertEquals("2017年7月20日", plan.selectFirst("time").text());
    assertEquals("政策", plan.selectFirst(".tag").text());
    assertEquals("国务院印发《新一代人工智能发展规划》", plan.selectFirst(".timeline__title").text());
    assertNull(plan.selectFirst(".timeline__zh"), "the title is already Chinese");
    // chinese: the description in Chinese (an event without one: ChineseNotesTest).
    assertEquals("", plan.selectFirst(".timeline__desc").attr("lang"));
    assertTrue(plan.selectFirst(".timeline__desc").text().startsWith("“三步走”规划"));
    assertEquals("2017年3月", doc.selectFirst("li.timeline__item time").text(), "known to the month only");
    assertEquals("来源", doc.getElementById("sources-title").text());
    doc.select("li.timeline__item .tag").eachText().forEach(tag ->
        assertTrue(List.of("政策", "监管", "数据发布", "产业").contains(tag), tag));
  }
}
