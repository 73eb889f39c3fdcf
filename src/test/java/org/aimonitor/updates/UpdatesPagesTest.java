package org.aimonitor.updates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.aimonitor.AppExtension;
import org.aimonitor.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /updates} and {@code /updates/{id}} on a real server over the seed (import 1) and three
 * more imports: 250 synthetic figures (import 2), a revision of a CAICT figure from "&gt; 900" to
 * "≈ 950" with a new note and a new source (import 3), and the same file again (import 4, which
 * changes nothing).
 */
class UpdatesPagesTest {

  static final String MONTHS = TestData.syntheticMonths("ai_pc_share", "ecns-2026-03-05", 250);
  static final String REVISION = TestData.OBSERVATIONS_HEADER + """
      ai_core_industry_scale,CN,2024,950,approx,yicai-2025-09-24,0,Revised in a test: about 950.
      """;
  static final String SOURCE = """
      id,publisher,title,url,published_on,language,reliability,note
      test-source-2026,Test Publisher,A test source (not real),https://example.invalid/test,2026-01-02,en,news,
      """;

  @RegisterExtension
  static final AppExtension app = AppExtension.own();

  @BeforeAll
  static void start() {
    TestData.importCsv(app.db(), "months.csv", MONTHS);
    new org.aimonitor.importer.Importer(app.db()).apply(List.of(
        new org.aimonitor.importer.ImportFile("revision.csv", REVISION.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        new org.aimonitor.importer.ImportFile("sources.csv", SOURCE.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        "data team (web)");
    TestData.importCsv(app.db(), "revision.csv", REVISION);
  }

  @Test
  void theListShowsEveryImportNewestFirstWithWhoAndWhatItDidToEachTable() {
    Document doc = app.page("/updates");
    List<String> titles = doc.select(".import-card__title > a").eachText();
    assertEquals(List.of("Import 4: no changes",
        "Import 3: AI core industry scale, China (mainland), 2024 revised; Sources: 1 added, 0 revised",
        "Import 2: AI PC share of PC shipments, United States, Jan 1900 added; AI PC share of PC shipments, United States, Feb 1900 added, and 248 more",
        "Import 1: AI core industry scale, China (mainland), 2017 added; AI core industry scale, China (mainland), 2020 added,"
            + " and " + (org.aimonitor.Seed.OBSERVATIONS - 2) + " more; Languages: 3 added, 0 revised;"
            + " Categories: 7 added, 0 revised; 7 more tables"),
        titles, "each title names what changed");
    Element third = doc.select(".import-card").get(1);
    assertTrue(third.selectFirst(".import-facts__who").text().contains("by data team (web)"),
        third.selectFirst(".import-facts__who").text());
    assertEquals(List.of("Sources: 1 added, 0 revised, 0 unchanged",
        "Figures: 0 added, 1 revised, 0 unchanged"), third.select(".import-facts__tables li").eachText());
    Element seed = doc.select(".import-card").get(3);
    assertTrue(seed.select(".import-facts__tables li").eachText()
        .contains("Figures: " + org.aimonitor.Seed.OBSERVATIONS + " added, 0 revised, 0 unchanged"));
    assertEquals("seed", seed.selectFirst(".import-facts__who span[lang=en]").text());
  }

  @Test
  void anImportThatChangedNothingSaysSo() {
    Element nothing = app.page("/updates").select(".import-card").get(0);
    assertEquals("This import changed nothing: the one row it held was already as imported.",
        nothing.selectFirst(".import-facts__nothing").text());
    assertTrue(nothing.select("table.changes").isEmpty());
    assertEquals("This import added or revised no figure.",
        app.page("/updates/4").selectFirst("#figures-title ~ p.empty").text());
  }

  @Test
  void theListPreviewsTheFirstFiguresOfEachImportGroupedByIndicatorAndLinksToTheRest() {
    Element months = app.page("/updates").select(".import-card").get(2);
    assertEquals(List.of("AI PC share of PC shipments"), months.select(".change-group__title").eachText());
    assertEquals(UpdatesView.PREVIEW, months.select("table.changes tbody tr").size());
    Element more = months.selectFirst(".import-card__more a");
    assertEquals("/updates/2", more.attr("href"));
    assertEquals("All changes of import 2 (245 more figures)", more.text());
  }

  @Test
  void aRevisionShowsTheOldAndNewFigureWithTheirQualifiersNamedAndItsSource() {
    Document doc = app.page("/updates/3");
    assertEquals("Import 3", doc.selectFirst("h1").text());
    Element group = doc.selectFirst(".change-group[data-indicator=ai_core_industry_scale]");
    assertEquals("AI core industry scale", group.selectFirst(".change-group__title").text());
    assertEquals("/indicators/ai_core_industry_scale", group.selectFirst(".change-group__title a").attr("href"));
    assertTrue(group.selectFirst("caption").text().contains("billion yuan"), "the unit is named");
    Element row = group.selectFirst("tbody tr");
    assertEquals("China (mainland)", row.selectFirst("th a").text());
    assertEquals("/indicators/ai_core_industry_scale?region=CN", row.selectFirst("th a").attr("href"),
        "links to the figure on its indicator's page, for its place");
    assertEquals("2024", row.select("td").get(0).text());
    assertEquals("Revised", row.selectFirst(".change-kind").text());
    assertEquals("> ¥900 billion (lower bound)", row.select("td").get(2).text(),
        "the qualifier before is named");
    assertEquals("≈ ¥950 billion (approximate)", row.select("td").get(3).selectFirst("strong").text(),
        "the qualifier after is named");
    assertTrue(row.select(".change-details li").eachText().stream()
        .anyMatch(d -> d.startsWith("Note:") && d.contains("Revised in a test: about 950.")),
        row.select(".change-details").text());
    Element source = row.selectFirst(".obs__source");
    assertEquals("Yicai Global", source.selectFirst("a[href^=http]").text());
    assertTrue(source.text().contains("24 Sep 2025"), source.text());
    assertEquals("/sources/yicai-2025-09-24", source.selectFirst("a[href^=/sources/]").attr("href"));
  }

  @Test
  void anImportPageListsTheOtherTablesItChangedWithTheirRows() {
    Element sources = app.page("/updates/3").selectFirst(".other-table[data-table=source]");
    assertNotNull(sources);
    assertEquals("Sources: 1 added, 0 revised, 0 unchanged", sources.selectFirst("p").text());
    Element row = sources.selectFirst(".row-changes li");
    assertEquals("Added", row.selectFirst(".change-kind").text());
    assertEquals("test-source-2026", row.selectFirst("code").text());
    assertTrue(row.text().contains("A test source (not real)"), row.text());
  }

  @Test
  void aStateALaterImportReplacedStillShowsWithTheImportThatReplacedIt() {
    // The seed recorded the Yicai 2024 figure; import 3 replaced it.
    Element replaced = null;
    for (int p = 1; p <= 3 && replaced == null; p++) {
      for (Element row : app.page("/updates/1" + (p > 1 ? "?page=" + p : "")).select("tbody tr")) {
        if (row.selectFirst(".change-replaced") != null) {
          replaced = row;
        }
      }
    }
    assertNotNull(replaced, "a replaced state is listed");
    assertEquals("> ¥900 billion (lower bound)", replaced.select("td").get(3).selectFirst("strong").text(),
        "the state the seed recorded, not today's");
    assertEquals("/updates/3", replaced.selectFirst(".change-replaced a").attr("href"));
  }

  @Test
  void aBigImportPagesAHundredFiguresAtATime() {
    Document first = app.page("/updates/2");
    assertEquals("Figures added or revised (250)", first.selectFirst("#figures-title").text());
    assertEquals(100, first.select("table.changes tbody tr").size());
    assertEquals("1–100 of 250", first.selectFirst(".pager__range").text());
    assertEquals("/updates/2?page=2", first.selectFirst(".pager a[rel=next]").attr("href"));
    Document third = app.page("/updates/2?page=3");
    assertEquals(50, third.select("table.changes tbody tr").size());
    assertNull(third.selectFirst(".pager a[rel=next]"));
    assertTrue(third.selectFirst(".change-group__title").text().endsWith("(continued)"),
        "a group that began on the page before says so");
    assertTrue(third.select(".other-table").isEmpty(), "other tables are listed on the first page");
    assertEquals(404, app.get("/updates/2?page=4").statusCode());
    assertEquals(400, app.get("/updates/2?page=x").statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/updates/99", "/updates/0", "/updates/x", "/updates/-1"})
  void anImportThatDoesNotExistIsA404(String path) {
    HttpResponse<String> r = app.get(path);
    assertEquals(404, r.statusCode());
    assertTrue(Jsoup.parse(r.body()).text().contains("Every import is listed at /updates"), r.body());
  }

  @Test
  void theDaysFilterNarrowsTheListAndRefusesWhatIsNotADay() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    Document todays = app.page("/updates?from=" + today + "&to=" + today);
    assertEquals(4, todays.select(".import-card").size());
    Document none = app.page("/updates?to=2000-01-01");
    assertTrue(none.select(".import-card").isEmpty());
    assertEquals("No import was logged on these days.", none.selectFirst("p.empty").text());
    assertEquals(1, app.page("/updates?from=" + today).select("input[name=from][value=" + today + "]").size(),
        "the form shows the filter");
    for (String bad : List.of("from=2026-13-01", "to=2026-02-30", "from=yesterday", "from=2026-07-01&to=2026-06-30",
        "from=2026-01-01&from=2026-02-01", "to=1800-01-01")) {
      HttpResponse<String> r = app.get("/updates?" + bad);
      assertEquals(400, r.statusCode(), bad);
    }
    assertTrue(app.get("/updates?from=2026-13-01").body().contains("must be a day such as 2026-07-01"));
  }

  @Test
  void importPagesLinkTheImportsBeforeAndAfter() {
    Document doc = app.page("/updates/2");
    assertEquals("/updates/1", doc.selectFirst("a[rel=prev]:not(.pager a)").attr("href"));
    assertEquals("/updates/3", doc.selectFirst("a[rel=next]:not(.pager a)").attr("href"));
    assertEquals("/api/v1/updates/2", doc.selectFirst("a[href^=/api/v1/updates]").attr("href"));
  }

  @Test
  void chinesePagesWriteFiguresTheChineseWayAndKeepTheLabelsInEnglishMarked() {
    Document doc = app.page("/updates/3?lang=zh");
    assertEquals("zh-CN", doc.selectFirst("html").attr("lang"));
    assertEquals("第3次导入", doc.selectFirst("h1").text());
    Element row = doc.selectFirst(".change-group[data-indicator=ai_core_industry_scale] tbody tr");
    assertEquals("超过9000亿元（下限）", row.select("td").get(2).text());
    assertEquals("约9500亿元（约数）", row.select("td").get(3).selectFirst("strong").text());
    assertEquals("修订", row.selectFirst(".change-kind").text());
    assertEquals("data team (web)", doc.selectFirst(".import-facts__who span[lang=en]").text());
    Document list = app.page("/updates?lang=zh");
    assertEquals("数据：新增0，修订1，未变0",
        list.select(".import-card").get(1).select(".import-facts__tables li").get(1).text());
  }

  @Test
  void everyPageOffersTheFeedsAndTheNavigationLeadsHere() {
    Document overview = app.page("/");
    assertEquals("/updates.atom", overview.selectFirst("link[type=application/atom+xml]").attr("href"));
    assertEquals("page", app.page("/updates").selectFirst(".site-nav a[href=/updates]").attr("aria-current"));
    Document indicator = app.page("/indicators/ai_core_industry_scale?lang=zh");
    assertEquals(List.of("/indicators/ai_core_industry_scale.atom?lang=zh", "/updates.atom?lang=zh"),
        indicator.select("link[type=application/atom+xml]").eachAttr("href"));
  }

  @Test
  void theOverviewAndThePrintedSummarySayWhenNewFiguresWereLastImported() {
    for (String path : List.of("/", "/summary")) {
      Element last = app.page(path).selectFirst(".last-import");
      assertNotNull(last, path);
      assertTrue(last.text().startsWith("Last import with new figures: "), last.text());
      assertTrue(last.text().contains(" UTC"), last.text());
      assertFalse(last.hasClass("no-print"), "printed too");
      assertNotNull(last.selectFirst("time[datetime]"), path);
    }
    assertEquals("/updates/3", app.page("/").selectFirst(".last-import a").attr("href"),
        "the newest import that brought figures, not the newest import");
    assertTrue(app.page("/summary?lang=zh").selectFirst(".last-import").text().startsWith("最近一次带来新数据的导入："));
  }
}
