package org.aimonitor.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.aimonitor.TestData;
import org.aimonitor.AppExtension;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What is due, as readers see it: the real app over the seed with its release schedules, on a
 * day the test sets. On 1 Dec 2026 the seed's quarterly trackers, the CNNIC and WAIC series
 * and the computing-power conference are overdue (19 indicators); the core-industry statements
 * expected in Oct 2026 are due and turn overdue after 31 Jan 2027.
 */
class FreshnessPagesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final AppExtension app = AppExtension.eachTest().clockAt(LocalDate.of(2026, 12, 1));

  private static String status(Document page) {
    Element badge = page.selectFirst("#freshness .status-badge");
    assertNotNull(badge, "the page has a freshness section");
    return badge.classNames().stream().filter(c -> c.startsWith("status-") && !c.equals("status-badge")).findFirst().orElseThrow();
  }

  @Test
  void anOverdueQuarterlySeriesSaysWhenItWasExpectedWhereThatComesFromAndSinceWhen() {
    Document p = app.page("/indicators/ai_pc_share");
    assertEquals("status-overdue", status(p));
    Element section = p.selectFirst("#freshness");
    String text = section.text();
    assertTrue(text.contains("Overdue: a newer figure was expected around Nov 2025 and is not in the data;"
        + " overdue since 1 Jan 2026."), text);
    assertTrue(text.contains("China PC market shipments (Canalys, quarterly), around Nov 2025"
        + " (an estimate inferred from past releases)"), text);
    assertTrue(text.contains("Latest period with an actual figure: Q2 2025"), text);
    assertEquals(List.of("/sources/sina-2024-09", "/sources/ripaa-2025", "/sources/longport-2025"),
        section.select("dt:contains(Read from) + dd a").eachAttr("href"),
        "the past releases the schedule was read from");
    assertEquals("2025-11", section.selectFirst("time[datetime=2025-11]").attr("datetime"));
    assertTrue(section.selectFirst(".freshness__hint").text().contains("estimates, never figures"));
  }

  @Test
  void dueCurrentUnscheduledAndForecastOnlyIndicatorsSaySo() {
    Document due = app.page("/indicators/ai_core_industry_scale");
    assertEquals("status-due", status(due));
    assertTrue(due.selectFirst("#freshness").text().contains("Due: the next figure was expected around"
        + " Oct 2026 and is not in the data yet; it counts as overdue after 31 Jan 2027."),
        due.selectFirst("#freshness").text());
    assertTrue(due.selectFirst("#freshness").text().contains("Latest figure published: 5 Mar 2026, China News Service"),
        due.selectFirst("#freshness").text());

    Document current = app.page("/indicators/manufacturing_ai_adoption");
    assertEquals("status-current", status(current));
    assertTrue(current.selectFirst("#freshness").text().contains("expected around Mar 2027"));

    Document unscheduled = app.page("/indicators/smart_cockpit_penetration");
    assertEquals("status-unscheduled", status(unscheduled));
    assertNull(unscheduled.selectFirst("#freshness time[datetime~=^\\d{4}-\\d{2}$]"),
        "no month is expected for an irregular series");

    Document unknown = app.page("/indicators/ai_related_industry_scale");
    assertEquals("status-unknown", status(unknown));
    assertTrue(unknown.selectFirst("#freshness").text().contains("forecasts and targets do not count"));
  }

  @Test
  void theChinesePageSaysTheSameInChinese() {
    Document p = app.page("/indicators/ai_pc_share?lang=zh");
    assertEquals("更新情况", p.selectFirst("#freshness-title").text());
    String text = p.selectFirst("#freshness").text();
    assertTrue(text.contains("已逾期：较新的数据预计在2025年11月前后发布，尚未收录；自2026年1月1日起逾期。"), text);
    assertTrue(text.contains("Canalys中国PC市场出货量数据（Canalys，每季度），约在2025年11月（根据以往发布时间推算的估计）"), text);
  }

  @Test
  void theListShowsEachIndicatorsNextReleaseAndSortsByIt() {
    Document byCategory = app.page("/indicators");
    List<Element> rows = byCategory.select("table.indicator-list tbody tr");
    assertEquals(org.aimonitor.Seed.INDICATORS, rows.size());
    assertEquals("Overdue expected ~Nov 2025", byCategory.selectFirst("tr[data-indicator=ai_pc_share] .freshness-cell").text());
    assertEquals("Due expected ~Oct 2026", byCategory.selectFirst("tr[data-indicator=ai_core_industry_scale] .freshness-cell").text());
    assertEquals("Up to date expected ~Mar 2027", byCategory.selectFirst("tr[data-indicator=manufacturing_ai_adoption] .freshness-cell").text());
    assertEquals("No release schedule", byCategory.selectFirst("tr[data-indicator=smart_cockpit_penetration] .freshness-cell").text());

    Document sorted = app.page("/indicators?sort=freshness");
    List<String> expected = sorted.select("table.indicator-list tbody tr .freshness-cell")
        .eachAttr("data-expected");
    assertEquals(org.aimonitor.Seed.INDICATORS, sorted.select("table.indicator-list tbody tr").size());
    List<String> months = expected.stream().filter(e -> !e.isEmpty()).toList();
    assertEquals(30, months.size(), "the seed's schedules give 30 indicators an expected month");
    assertEquals(months.stream().sorted().toList(), months, "soonest first");
    assertEquals(months, expected.subList(0, 30), "those with no expected month last");
    assertEquals("ai_phone_shipments", sorted.selectFirst("table.indicator-list tbody tr").attr("data-indicator"));
    assertEquals("page", sorted.selectFirst(".sort-links a[href='/indicators?sort=freshness']").attr("aria-current"));
  }

  @Test
  void theOverdueListHasOnlyOverdueIndicatorsAndTheOverviewCountsAndLinksThem() {
    Document overdue = app.page("/indicators?status=overdue");
    assertEquals("Indicators with an overdue release", overdue.selectFirst("h1").text());
    List<Element> rows = overdue.select("table.indicator-list tbody tr");
    assertEquals(19, rows.size());
    rows.forEach(r -> assertNotNull(r.selectFirst(".status-badge.status-overdue"), r.text()));

    Document overview = app.page("/");
    Element line = overview.selectFirst(".overdue-line a");
    assertEquals("19 indicators have an overdue release", line.text());
    assertEquals("/indicators?status=overdue", line.attr("href"));
    assertTrue(overview.select(".kpi__stale").isEmpty(), "the key figures' series are due, not overdue");

    // Two months later, the core-industry statements expected in October are overdue too.
    app.clock().setDay(LocalDate.of(2027, 2, 15));
    overview = app.page("/");
    assertEquals("27 indicators have an overdue release", overview.selectFirst(".overdue-line a").text());
    Element stale = overview.selectFirst("#kpi-scale .kpi__stale");
    assertNotNull(stale, "the core-industry card says a newer figure is overdue");
    assertEquals("Newer figure overdue: expected around Oct 2026 (an estimate inferred from past releases). Freshness",
        stale.text());
    assertEquals("/indicators/ai_core_industry_scale#freshness", stale.selectFirst("a").attr("href"));
    assertEquals(4, overview.select(".kpi__stale").size(), "every card's indicators come from those statements");
    assertEquals(27, app.page("/indicators?status=overdue").select("table.indicator-list tbody tr").size());

    Document summary = app.page("/summary");
    assertEquals("27 indicators have an overdue release", summary.selectFirst(".overdue-line a").text());
    Element scaleRow = summary.select("table.key-figures tbody tr").stream()
        .filter(r -> r.selectFirst("th").text().equals("AI core industry scale")).findFirst().orElseThrow();
    assertEquals("· overdue", scaleRow.selectFirst(".stale-mark").text());
    assertEquals("2025 · overdue", scaleRow.child(3).text());
  }

  @Test
  void inChineseTheOverviewCountsOverdueIndicatorsToo() {
    assertEquals("19个指标的发布已逾期", app.page("/?lang=zh").selectFirst(".overdue-line a").text());
    // Before the first release the seed's figures leave overdue (the AI phone trackers', after
    // 31 Oct 2024), none is.
    app.clock().setDay(LocalDate.of(2024, 10, 31));
    Document early = app.page("/?lang=zh");
    assertNull(early.selectFirst(".overdue-line a"), "nothing to link to");
    assertEquals("没有发布已逾期的指标", early.selectFirst(".overdue-line").text());
  }

  @Test
  void aNewFigureMakesAnOverdueIndicatorCurrent() {
    assertEquals("status-overdue", status(app.page("/indicators/ai_pc_share")));
    new Importer(app.db()).apply(List.of(
        new ImportFile("sources.csv", ("id,publisher,title,url,published_on,language,reliability,note\n"
            + "canalys-2026-11,Canalys,China PC shipments Q3 2026,https://example.org/canalys,2026-11-20,en,secondary,\n")
            .getBytes(StandardCharsets.UTF_8)),
        new ImportFile("observations.csv", (TestData.OBSERVATIONS_HEADER
            + "ai_pc_share,CN,2026-Q3,40,reported,canalys-2026-11,1,\n").getBytes(StandardCharsets.UTF_8))),
        "test");
    Document p = app.page("/indicators/ai_pc_share");
    assertEquals("status-current", status(p));
    assertTrue(p.selectFirst("#freshness").text().contains("Not due yet: the next figure is expected around Feb 2027."),
        p.selectFirst("#freshness").text());
    assertEquals("18 indicators have an overdue release", app.page("/").selectFirst(".overdue-line a").text());
  }

  @Test
  void aScheduleReadFromMoreEvidenceThanOneQueryAsksForFindsItsUsualMonth() throws IOException {
    // 600 sources: 598 dated only to the year (no month), the last two in September. Their dates
    // are read 500 at a time; the month the last two share is the one the series comes out in.
    StringBuilder sources = new StringBuilder("id,publisher,title,url,published_on,language,reliability,note\n");
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 1; i <= 600; i++) {
      String id = String.format(java.util.Locale.ROOT, "test-evidence-%03d", i);
      ids.add(id);
      sources.append(id).append(",Test,Test release ").append(i).append(",https://example.org/").append(i)
          .append(i > 598 ? ",20" + (i - 589) + "-09-15" : ",2021").append(",en,secondary,\n");
    }
    new Importer(app.db()).apply(List.of(
        new ImportFile("sources.csv", sources.toString().getBytes(StandardCharsets.UTF_8)),
        new ImportFile("schedules.csv", ("series,publisher,name_en,name_zh,indicators,cadence,release_months,"
            + "lag_months,grace_months,basis,basis_url,evidence,note\n"
            + "test-many-evidence,Test,Test series,测试系列,ai_market_global_share,annual,,,,inferred,,"
            + String.join(" ", ids) + ",\n").getBytes(StandardCharsets.UTF_8))),
        "test");
    JsonNode next = app.json("/api/v1/indicators/ai_market_global_share").get("freshness").get("next_release");
    assertEquals("test-many-evidence", next.get("series").asText());
    // Published in Jul 2022: the first September after it, not a year after it (Jul 2023).
    assertEquals("2022-09", next.get("expected_month").asText());
  }

  @Test
  void theApiGivesEachIndicatorsFreshnessAsOfTheDay() throws IOException {
    JsonNode f = app.json("/api/v1/indicators/ai_pc_share").get("freshness");
    assertEquals("2026-12-01", f.get("as_of").asText());
    assertEquals("overdue", f.get("status").asText());
    assertEquals("2025", f.get("last_published").asText());
    assertEquals("2025-Q2", f.get("latest_period").asText());
    JsonNode next = f.get("next_release");
    assertEquals("canalys-china-pc", next.get("series").asText());
    assertEquals("2025-11", next.get("expected_month").asText());
    assertTrue(next.get("estimate").asBoolean());
    assertEquals("inferred", next.get("basis").asText());
    assertTrue(next.get("basis_url").isNull());
    assertEquals(List.of("sina-2024-09", "ripaa-2025", "longport-2025"),
        JSON.convertValue(next.get("evidence"), List.class));
    assertEquals("2025-12-31", next.get("overdue_after").asText());
    assertEquals(f, app.json("/indicators/ai_pc_share.json").get("freshness"), "the page's JSON twin agrees");

    JsonNode list = app.json("/api/v1/indicators").get("indicators");
    long overdue = 0;
    for (JsonNode i : list) {
      assertNotNull(i.get("freshness"), i.get("code").asText());
      overdue += i.get("freshness").get("status").asText().equals("overdue") ? 1 : 0;
    }
    assertEquals(19, overdue);
    assertTrue(app.json("/api/v1/indicators/smart_cockpit_penetration").get("freshness").get("next_release").isNull());
  }

  @Test
  void badOrderParametersAreRefusedWithTheReason() {
    HttpResponse<String> bad = app.get("/indicators?sort=newest");
    assertEquals(400, bad.statusCode());
    assertTrue(Jsoup.parse(bad.body()).text().contains("The parameter \"sort\" must be category | freshness, not \"newest\"."));
    assertEquals(400, app.get("/indicators?status=late").statusCode());
    assertEquals(400, app.get("/indicators?sort=category&status=overdue").statusCode());
    assertEquals(400, app.get("/indicators?sort=freshness&sort=category").statusCode());
    assertEquals(404, app.get("/indicators?status=overdue&page=2").statusCode());
  }
}
