package org.aimonitor.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.aimonitor.AppExtension;
import org.aimonitor.i18n.Lang;
import org.aimonitor.store.CsvTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IndicatorPagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  @Test
  void indicatorListGroupsEveryIndicatorByCategoryInTheDatasetOrder() {
    Document doc = app.page("/indicators", 200);
    List<String> headings = doc.select(".indicator-group h2").eachText();
    assertEquals(List.of("Industry scale", "Enterprises", "Industry segments", "Smart hardware",
        "Adoption", "Computing power", "Global comparisons"), headings);
    assertEquals(org.aimonitor.Seed.INDICATORS, doc.select("tr[data-indicator]").size());
    assertEquals("page", doc.selectFirst(".site-nav a[href=/indicators]").attr("aria-current"));
  }

  @Test
  void indicatorListShowsTheLatestHeadlineWithQualifierPeriodUnitAndSource() {
    Element row = app.page("/indicators", 200).selectFirst("tr[data-indicator=ai_core_industry_scale]");
    List<String> cells = row.select("td").eachText();
    assertEquals("> ¥1,200 billion", cells.get(0));
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
    Element row = app.page("/indicators", 200).selectFirst("tr[data-indicator=ai_terminal_penetration]");
    assertTrue(row.select("td").get(0).text().endsWith("(target)"), row.text());
    assertEquals("target", row.select("td").get(1).text());
  }

  @Test
  void indicatorPageHasChartDefinitionTableCitationAndDownloads() throws Exception {
    Document doc = app.page("/indicators/ai_core_industry_scale", 200);
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
    Document doc = app.page("/indicators/ai_core_industry_scale", 200);
    Element group = doc.selectFirst("tbody.obs-group[data-region=CN][data-period=2024]");
    assertEquals(5, group.select("tr.obs").size(), "five sources give a 2024 figure");
    assertEquals(1, group.select(".badge").size());
    Element headline = group.selectFirst("tr.is-headline");
    assertEquals("> ¥900 billion", headline.selectFirst("td.num").text());
    assertEquals("http://en.people.cn/n3/2025/1001/c90000-20373660.html",
        headline.selectFirst(".obs__source a[rel]").attr("href"));
    assertNotNull(headline.selectFirst("a[href=/sources/xinhua-2025-10-01]"));
    assertTrue(headline.selectFirst(".obs__note").text().startsWith("Series break"));
    assertTrue(group.text().contains("269.7"), "the low-reliability figure is listed, not hidden");
    assertTrue(group.select("tr:not(.is-headline) .qualifier").eachText().contains("reported"));
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void everyIndicatorPageRendersWithExactlyOneHeadlinePerRegionAndPeriod(Lang lang) {
    Document list = app.page("/indicators?lang=" + lang.code(), 200);
    assertEquals(lang.htmlLang(), list.selectFirst("html").attr("lang"));
    for (Element link : list.select("tr[data-indicator] th a")) {
      Document doc = app.page(link.attr("href") + "?lang=" + lang.code(), 200);
      assertEquals(lang.htmlLang(), doc.selectFirst("html").attr("lang"), link.attr("href"));
      for (Element group : doc.select("tbody.obs-group")) {
        assertEquals(1, group.select(".badge").size(), link.attr("href") + " " + group.attributes());
      }
      assertFalse(doc.select("tbody.obs-group").isEmpty(), link.attr("href"));
    }
  }

  @Test
  void howToCiteNamesIndicatorVersionDateLinkAndPublishers() {
    Document doc = app.page("/indicators/ai_core_industry_scale?region=CN&from=2024", 200);
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
    Document doc = app.page("/indicators/ai_enterprises?region=WORLD&from=2024&to=2025", 200);
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
  void theRegionChooserOffersEveryPlaceWithFiguresGroupedByLevel() {
    // ai_industry_scale has figures for 10 provinces and 6 cities and none for China.
    Document doc = app.page("/indicators/ai_industry_scale", 200);
    Element select = doc.selectFirst("select[name=region]");
    assertEquals("", select.selectFirst("option").val(), "All regions comes first, outside the groups");
    assertEquals(List.of("Provinces and municipalities", "Cities"), select.select("optgroup").eachAttr("label"));
    List<String> provinces = select.select("optgroup").get(0).select("option").eachAttr("value");
    List<String> cities = select.select("optgroup").get(1).select("option").eachAttr("value");
    assertEquals(List.of("CN-BJ", "CN-SH", "CN-GD", "CN-ZJ", "CN-JS", "CN-AH", "CN-SC", "CN-HB",
        "CN-FJ", "CN-HN"), provinces, "in the order of regions.csv");
    assertEquals(List.of("CN-GD-SZ", "CN-ZJ-HZ", "CN-JS-SU", "CN-AH-HF", "CN-SC-CD", "CN-HB-WH"), cities);
    assertEquals("北京市", app.page("/indicators/ai_industry_scale?lang=zh", 200)
        .selectFirst("select[name=region] optgroup option").text());
    // The place chosen is the one selected, inside its group.
    assertEquals("CN-GD-SZ", app.page("/indicators/ai_industry_scale?region=CN-GD-SZ", 200)
        .selectFirst("select[name=region] optgroup option[selected]").val());
    // A national indicator: world and countries as groups too.
    assertEquals(List.of("World", "Countries and groups of countries"),
        app.page("/indicators/ai_enterprises?region=WORLD", 200).select("select[name=region] optgroup").eachAttr("label").subList(0, 2));
  }

  @Test
  void aRegionWithoutFiguresGivesAnEmptyViewNotAnError() {
    Document doc = app.page("/indicators/ai_core_industry_scale?region=US", 200);
    assertTrue(doc.selectFirst(".empty").text().startsWith("No headline figure"));
    assertTrue(doc.select("tbody.obs-group").isEmpty());
  }

  @Test
  void badParametersGiveA400PageThatSaysWhatIsWrong() {
    Document region = app.page("/indicators/ai_core_industry_scale?region=MARS", 400);
    assertTrue(region.text().contains("Unknown region \"MARS\". Valid regions: CN (China (mainland)), "
        + "CN-GC (Greater China), WORLD (World), US (United States), CN-BJ (Beijing), "), region.text());
    assertTrue(app.page("/indicators/ai_core_industry_scale?region=Mars", 400).text()
        .contains("\"Mars\" is not one"), "not a region code at all");
    assertTrue(app.page("/indicators/ai_core_industry_scale?from=last", 400).text()
        .contains("\"from\" must be a year such as 2020"));
    assertTrue(app.page("/indicators/ai_core_industry_scale?from=2025&to=2020", 400).text()
        .contains("from=2025 is after to=2020"));
    assertTrue(app.page("/indicators/ai_core_industry_scale.csv?to=99999", 400).text().contains("\"to\""));
  }

  @Test
  void unknownCodesGiveA404PageWithoutAStackTrace() {
    for (String path : List.of("/indicators/no_such_thing", "/indicators/no_such_thing.csv",
        "/indicators/..%2F..%2Fetc")) {
      Document doc = app.page(path, 404);
      assertFalse(doc.text().contains("Exception"), doc.text());
      assertFalse(doc.text().contains("at org."), doc.text());
    }
    assertTrue(app.page("/indicators/no_such_thing", 404).text().contains("There is no indicator \"no_such_thing\""));
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
    Document doc = app.page("/indicators/ai_enterprises?region=WORLD", 200);
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

  // ---- Chinese -----------------------------------------------------------------------------

  @Test
  void indicatorListInChineseHasChineseHeadingsNamesAndFiguresInChineseUnits() {
    Document doc = app.page("/indicators?lang=zh", 200);
    assertEquals("zh-CN", doc.selectFirst("html").attr("lang"));
    assertEquals("指标", doc.selectFirst("h1").text());
    assertEquals("指标 · 人工智能产业监测", doc.title());
    assertEquals(List.of("产业规模", "企业", "产业链各层", "智能硬件", "应用普及", "算力", "国际比较"),
        doc.select(".indicator-group h2").eachText());
    assertEquals(List.of("指标", "最新主数据", "性质", "时期", "地区", "单位", "来源", "下次发布"),
        doc.selectFirst(".indicator-list thead").select("th").eachText());
    assertTrue(doc.selectFirst(".as-of").text().startsWith("共" + org.aimonitor.Seed.INDICATORS + "项指标 · 数据版本"), doc.selectFirst(".as-of").text());

    Element scale = doc.selectFirst("tr[data-indicator=ai_core_industry_scale]");
    assertEquals("人工智能核心产业规模", scale.selectFirst("th a").text());
    assertEquals(List.of("超过1.2万亿元", "下限", "2025年", "中国（大陆）", "亿元"),
        scale.select("td").eachText().subList(0, 5), "1,200 billion yuan = 1.2万亿元: 万亿 from 1万亿 up");
    Element publisher = scale.select("td").get(5).selectFirst("span");
    assertEquals("China News Service (ECNS)", publisher.text());
    assertEquals("en", publisher.attr("lang"), "an English publisher is marked as English");

    Element shipments = doc.selectFirst("tr[data-indicator=ai_pc_shipments]");
    assertEquals(List.of("580万台", "公布值", "2024年"), shipments.select("td").eachText().subList(0, 3),
        "5.8 million units = 580万台");
    Element users = doc.selectFirst("tr[data-indicator=genai_users]");
    assertEquals(List.of("6.02亿人", "公布值", "2025年12月"), users.select("td").eachText().subList(0, 3),
        "602 million users = 6.02亿人");
    Element target = doc.selectFirst("tr[data-indicator=ai_terminal_penetration]");
    assertTrue(target.select("td").get(0).text().endsWith("（目标）"), target.text());
  }

  @Test
  void englishListKeepsEnglishPublishersUnmarked() {
    Element scale = app.page("/indicators", 200).selectFirst("tr[data-indicator=ai_core_industry_scale]");
    assertFalse(scale.select("td").get(5).selectFirst("span").hasAttr("lang"));
  }

  @Test
  void indicatorPageInChineseShowsChineseTextFiguresAndAChartInChineseUnits() throws Exception {
    Document doc = app.page("/indicators/ai_core_industry_scale?lang=zh", 200);
    assertEquals("zh-CN", doc.selectFirst("html").attr("lang"));
    assertEquals("人工智能核心产业规模 · 人工智能产业监测", doc.title());
    assertEquals("人工智能核心产业规模", doc.selectFirst("h1 span").text());
    Element english = doc.selectFirst("h1 span[lang=en]");
    assertEquals("AI core industry scale", english.text());
    assertEquals(List.of("定义", "更新情况", "视图", "主数据序列", "各省市并列比较", "全部数据", "引用方式", "来源"),
        doc.select("main h2").eachText());
    assertTrue(doc.selectFirst(".definition__unit").text().startsWith("单位：亿元（billion yuan）。"),
        doc.selectFirst(".definition__unit").text());
    assertEquals("产业规模", doc.select(".breadcrumb a").get(1).text());
    assertEquals("全部地区", doc.selectFirst(".region-links a").text());
    assertEquals(List.of("地区", "起始年份", "截止年份"),
        doc.select(".view-filter .filter-form label").stream().map(l -> l.ownText().trim()).toList());
    assertEquals("应用", doc.selectFirst(".filter-form button").text());

    Element group = doc.selectFirst("tbody.obs-group[data-region=CN][data-period=2024]");
    assertEquals("中国（大陆）", group.select("th").get(0).text());
    assertEquals("2024年", group.select("th").get(1).text());
    Element headline = group.selectFirst("tr.is-headline");
    assertEquals("超过9000亿元", headline.selectFirst("td.num").text());
    assertEquals("下限", headline.selectFirst(".qualifier").text());
    assertEquals("主数据", headline.selectFirst(".badge").text());
    // chinese: the seed's notes have Chinese texts, in the page's language.
    assertEquals("", headline.selectFirst(".obs__note span").attr("lang"), "the Chinese note");
    assertTrue(headline.selectFirst(".obs__note span").text().startsWith("序列断点：中国信通院"));
    assertEquals("en", headline.selectFirst(".obs__source a[rel]").attr("lang"));
    assertTrue(headline.selectFirst(".obs__source").text().contains("，2025年10月1日（关于此来源）"),
        headline.selectFirst(".obs__source").text());

    JsonNode spec = JSON.readTree(doc.selectFirst("script.chart-spec").data());
    assertEquals("中国（大陆）人工智能核心产业规模", spec.get("title").asText());
    assertEquals("亿元", spec.at("/axes/0/title").asText());
    JsonNode annual = spec.get("series").get(0);
    assertEquals("全年合计", annual.get("label").asText());
    JsonNode p2024 = null;
    for (JsonNode p : annual.get("points")) {
      if (p.get("period").asText().equals("2024年")) {
        p2024 = p;
      }
    }
    assertEquals(9000.0, p2024.get("y").asDouble(), 1e-9, "drawn in 亿元, as the table writes it");
    assertEquals("超过9000亿元", p2024.get("text").asText());
    Elements notes = doc.select(".chart__notes li");
    assertTrue(notes.eachText().stream().anyMatch(n -> n.startsWith("序列断点处不连线：2020年，2022年，2024年")), notes.text());
    assertTrue(notes.eachText().stream().anyMatch(n -> n.startsWith("缺少年份或序列断开之处")), notes.text());
  }

  @Test
  void chinesePeriodsNameQuartersAndMonthRanges() {
    Document share = app.page("/indicators/ai_pc_share?lang=zh&region=CN", 200);
    assertEquals("2025年第2季度",
        share.selectFirst("tbody.obs-group[data-period=2025-Q2] th + th").text());
    Document sales = app.page("/indicators/l2_adas_sales?lang=zh", 200);
    Element jan = sales.selectFirst("tbody.obs-group[data-period=2025-01/2025-07]");
    assertEquals("2025年1–7月", jan.select("th").get(1).text());
    assertEquals("776万辆", jan.selectFirst("tr.is-headline td.num").text(), "7.76 million = 776万辆");
    Document users = app.page("/indicators/genai_users?lang=zh", 200);
    assertEquals("2.49亿人", users.selectFirst("tbody.obs-group[data-period=2024-12] tr.is-headline td.num").text(),
        "CNNIC's stated figure is the headline since the December 2026 release");
  }

  @Test
  void chineseCitationIsWrittenTheChineseWay() {
    Document doc = app.page("/indicators/ai_core_industry_scale?region=CN&from=2024&lang=zh", 200);
    Element citation = doc.selectFirst(".citation");
    String permalink = app.url("/indicators/ai_core_industry_scale?region=CN&from=2024");
    Pattern format = Pattern.compile("人工智能产业监测，“人工智能核心产业规模”"
        + "（ai_core_industry_scale；中国（大陆），2024年起），数据版本\\d+，"
        + "访问于\\d{4}年\\d{1,2}月\\d{1,2}日，" + Pattern.quote(permalink) + "；数据来自.+。");
    assertTrue(format.matcher(citation.text()).matches(), citation.text());
    assertEquals("ai_core_industry_scale", citation.selectFirst("code").text());
    assertEquals(permalink, citation.selectFirst("a").attr("href"));
    assertTrue(citation.select("span[lang=en]").eachText().contains("Xinhua (via People's Daily Online)"));
    assertEquals("当前显示：中国（大陆），2024年起。本页地址即是此视图的永久链接。",
        doc.selectFirst(".view-filter p").text());
  }

  @Test
  void languageSwitcherKeepsTheRegionAndYears() {
    Document zh = app.page("/indicators/ai_enterprises?region=WORLD&lang=zh", 200);
    assertEquals("/indicators/ai_enterprises?region=WORLD&lang=en",
        zh.selectFirst(".lang-switch a").attr("href"));
    assertEquals("全球人工智能企业数量", zh.selectFirst("#chart-indicator-figure h3").text());
    Document en = app.page("/indicators/ai_enterprises?region=WORLD&from=2020&to=2025", 200);
    assertEquals("/indicators/ai_enterprises?region=WORLD&from=2020&to=2025&lang=zh",
        en.selectFirst(".lang-switch a").attr("href"));
  }

  @Test
  void acceptLanguageChoosesChineseToo() throws Exception {
    HttpResponse<String> r = app.send(HttpRequest.newBuilder(
            java.net.URI.create(app.url("/indicators/ai_pc_shipments")))
        .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").GET().build());
    Document doc = Jsoup.parse(r.body());
    assertEquals("zh-CN", doc.selectFirst("html").attr("lang"));
    assertEquals("580万台", doc.selectFirst("tr.is-headline td.num").text());
  }

  @Test
  void badParametersGiveA400PageInChinese() {
    Document region = app.page("/indicators/ai_core_industry_scale?region=MARS&lang=zh", 400);
    assertEquals("zh-CN", region.selectFirst("html").attr("lang"));
    assertEquals("请求有误", region.selectFirst("h1").text());
    assertTrue(region.text().contains("未知地区“MARS”。可用的地区：CN（中国（大陆））、CN-GC（大中华区）、"
        + "WORLD（全球）、US（美国）、CN-BJ（北京市）、"), region.text());
    assertTrue(app.page("/indicators/ai_core_industry_scale?from=last&lang=zh", 400).text()
        .contains("参数“from”必须是年份（例如2020），而不是“last”。"));
    assertTrue(app.page("/indicators/ai_core_industry_scale?from=2025&to=2020&lang=zh", 400).text()
        .contains("起始年份（from=2025）晚于截止年份（to=2020）"));
    assertTrue(app.page("/indicators/ai_core_industry_scale.csv?to=1800&lang=zh", 400).text()
        .contains("参数“to”必须是1900至2100之间的年份，而不是1800。"));
    Document missing = app.page("/indicators/no_such_thing?lang=zh", 404);
    assertEquals("未找到该指标", missing.selectFirst("h1").text());
    assertTrue(missing.text().contains("没有代码为“no_such_thing”的指标。"), missing.text());
  }

  @Test
  void jsonTwinAnswersInEnglishWhateverThePageLanguage() throws Exception {
    HttpResponse<String> bad = app.get("/indicators/ai_pc_share.json?region=XX&lang=zh");
    assertEquals(400, bad.statusCode());
    assertTrue(JSON.readTree(bad.body()).get("message").asText().startsWith("Unknown region \"XX\""));
    JsonNode doc = JSON.readTree(app.get("/indicators/ai_core_industry_scale.json?lang=zh").body());
    JsonNode first = doc.get("observations").get(0);
    assertFalse(first.get("figure").asText().contains("亿"), first.toString());
  }

  @Test
  void theCitationLinksTheAddressEachReaderUsedEvenFromTheCache() {
    for (int round = 0; round < 2; round++) {
      for (String host : List.of("monitor.example.org", "127.0.0.1:" + app.port())) {
        String page = app.raw("/indicators/ai_pc_share", "Host: " + host);
        assertTrue(page.contains("http://" + host + "/indicators/ai_pc_share</a>"),
            host + " in round " + round);
      }
    }
    String forged = app.raw("/indicators/ai_pc_share", "Host: x\"><script>");
    assertTrue(forged.startsWith("HTTP/1.1 400") || forged.contains("http://localhost/indicators/ai_pc_share</a>"),
        "a host that is no host name is never echoed");
  }
}
