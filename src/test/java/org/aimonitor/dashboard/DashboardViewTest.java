package org.aimonitor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aimonitor.SeededDatabase;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartView;
import org.aimonitor.dashboard.DashboardView.Figure;
import org.aimonitor.dashboard.DashboardView.KpiCard;
import org.aimonitor.dashboard.DashboardView.TimelineEntry;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.store.ViewRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview built from the seeded dataset, in English and in Chinese. */
class DashboardViewTest {

  @TempDir
  static Path dir;
  static DashboardView en;
  static DashboardView zh;

  @BeforeAll
  static void load() {
    Database db = SeededDatabase.open(dir.resolve("monitor.db"));
    ViewRows data = org.aimonitor.TestData.everything(db);
    en = DashboardView.build(data, 28, Text.EN);
    zh = DashboardView.build(data, 28, Text.ZH);
  }

  private static KpiCard card(DashboardView view, String id) {
    return view.cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<String> figures(KpiCard card) {
    return card.figures().stream().map(f -> f.label() + " = " + f.value() + " (" + f.qualifier() + ")").toList();
  }

  @Test
  void scaleCardInBothLanguages() {
    assertEquals("AI core industry scale", card(en, "kpi-scale").title());
    assertEquals(List.of("2025 = > ¥1,200 billion (lower bound)", "Scale 2024 = > ¥900 billion (lower bound)",
        "YoY growth 2024 = +24 % (reported)"), figures(card(en, "kpi-scale")));
    assertEquals("No year-on-year growth has been published for 2025 yet.", card(en, "kpi-scale").note());

    KpiCard scale = card(zh, "kpi-scale");
    assertEquals("人工智能核心产业规模", scale.title());
    assertEquals(List.of("2025年 = 超过1.2万亿元 (下限)", "2024年规模 = 超过9000亿元 (下限)",
        "2024年同比增速 = +24% (公布值)"), figures(scale));
    assertEquals("2025年同比增速尚未公布。", scale.note());
    assertEquals("人工智能核心产业规模", scale.main().measure());
    assertEquals("2025年", scale.main().period());
  }

  @Test
  void otherCardsInChinese() {
    KpiCard firms = card(zh, "kpi-enterprises");
    assertEquals("中国人工智能企业数量", firms.title());
    assertEquals(List.of("2025年末 = 超过6200家 (下限)"), figures(firms));
    KpiCard share = card(zh, "kpi-global-share");
    assertEquals("15%", share.main().value());
    assertEquals("2025年9月", share.main().period());
    KpiCard segments = card(zh, "kpi-segments");
    assertEquals("2024年各层营收增速", segments.title());
    assertEquals(List.of("基础设施层 = +54% (公布值)", "模型框架层 = +18% (公布值)", "行业应用层 = +13% (公布值)"),
        figures(segments));
    assertEquals(List.of("基础设施层营收增速", "模型框架层营收增速", "行业应用层营收增速"),
        segments.figures().stream().map(Figure::measure).toList());
    assertEquals("同比增速；中国信通院未公布各层营收金额。", segments.note());
  }

  @Test
  void sameCardsLinksAndSourcesInBothLanguages() {
    assertEquals(en.cards().stream().map(KpiCard::link).toList(), zh.cards().stream().map(KpiCard::link).toList());
    assertEquals(en.sources(), zh.sources(), "the same sources, numbered alike");
    assertEquals("5 Mar 2026", en.dataAsOf());
    assertEquals("2026年3月5日", zh.dataAsOf());
  }

  @Test
  void chineseChartPointsAreInChineseUnitsTheSamePointsAsInEnglish() {
    assertEquals(en.charts().size(), zh.charts().size());
    for (int c = 0; c < en.charts().size(); c++) {
      ChartSpec e = en.charts().get(c).spec();
      ChartSpec z = zh.charts().get(c).spec();
      assertEquals(e.id(), z.id());
      assertEquals(e.series().size(), z.series().size());
      for (int s = 0; s < e.series().size(); s++) {
        List<ChartSpec.Point> ep = e.series().get(s).points();
        List<ChartSpec.Point> zp = z.series().get(s).points();
        assertEquals(ep.size(), zp.size(), z.title() + " / " + z.series().get(s).label());
        // Only the market-scale bars and targets are yuan; shares, growth and counts keep their value.
        double factor = e.id().equals("chart-market-scale") && e.series().get(s).axis().equals("y") ? 10 : 1;
        for (int p = 0; p < ep.size(); p++) {
          if (!e.id().equals("chart-segment-growth")) {
            assertEquals(ep.get(p).x(), zp.get(p).x(), "years and positions are language-neutral");
          }
          assertEquals(ep.get(p).y() * factor, zp.get(p).y(), 1e-6, z.title() + " #" + p);
          assertEquals(ep.get(p).sourceNo(), zp.get(p).sourceNo());
        }
      }
    }
    assertEquals(List.of("基础设施层", "模型框架层", "行业应用层"),
        zh.charts().get(1).spec().series().get(0).points().stream().map(ChartSpec.Point::x).toList());
    ChartView scale = zh.charts().get(0);
    assertEquals(12000.0, scale.spec().series().get(0).points().stream()
        .mapToDouble(ChartSpec.Point::y).max().orElseThrow());
    assertEquals("{0}亿元", scale.spec().axes().get(0).format());
  }

  @Test
  void chineseChartWordsComeFromTheBundle() {
    for (ChartView chart : zh.charts()) {
      ChartSpec spec = chart.spec();
      List<String> words = new java.util.ArrayList<>(List.of(spec.title(), spec.x().title(), chart.unit()));
      spec.axes().forEach(a -> words.add(a.title()));
      spec.series().forEach(s -> words.add(s.label()));
      spec.x().ticks().forEach(t -> words.add(t.label()));
      chart.links().forEach(l -> words.add(l.label()));
      words.addAll(chart.notes());
      for (String w : words) {
        assertTrue(!w.replaceAll("Canalys|IDC|AI|PC|L2|KPMG", "").matches("(?s).*[A-Za-z]{2,}.*"),
            spec.id() + ": English in \"" + w + "\"");
      }
    }
    ChartSpec firms = zh.charts().get(3).spec();
    assertEquals("2024年1月", firms.x().ticks().stream().filter(t -> t.value() == 2024).findFirst()
        .orElseThrow().label());
  }

  @Test
  void timelineInChineseHasChineseTitlesAndDatesAndEnglishDescriptionsMarkedEnglish() {
    assertEquals(en.timeline().size(), zh.timeline().size());
    TimelineEntry first = zh.timeline().get(0);
    assertEquals("2017年3月", first.date());
    assertEquals("2017-03", first.isoDate());
    assertEquals("人工智能首次写入政府工作报告", first.title());
    assertEquals("政策", first.category());
    // chinese: the description is the Chinese one now, in the page's language.
    assertTrue(first.description().startsWith("李克强总理"), first.description());
    assertNull(first.descriptionLang());
    assertNull(en.timeline().get(0).descriptionLang());
    assertEquals("Mar 2017", en.timeline().get(0).date());
  }

  @org.junit.jupiter.api.Test
  void theAgeOfTheNewestFigureIsSaidInWords() {
    java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 7);
    org.aimonitor.store.PartialDate march = org.aimonitor.store.PartialDate.parse("2026-03-05");
    assertEquals("9 months ago", DashboardView.age(march, today, Text.EN));
    assertEquals("9个月前", DashboardView.age(march, today, Text.ZH));
    assertEquals("today", DashboardView.age(org.aimonitor.store.PartialDate.parse("2026-12-07"), today, Text.EN));
    assertEquals("1 day ago", DashboardView.age(org.aimonitor.store.PartialDate.parse("2026-12-06"), today, Text.EN));
    assertEquals("20 days ago", DashboardView.age(org.aimonitor.store.PartialDate.parse("2026-11-17"), today, Text.EN));
    assertEquals("1 month ago", DashboardView.age(org.aimonitor.store.PartialDate.parse("2026-11-01"), today, Text.EN));
    assertEquals("23 months ago", DashboardView.age(org.aimonitor.store.PartialDate.parse("2025-01"), today, Text.EN),
        "a month-only date counts from its first day");
    assertEquals("3年前", DashboardView.age(org.aimonitor.store.PartialDate.parse("2023"), today, Text.ZH));
    assertNull(DashboardView.age(null, today, Text.EN));
  }
}
