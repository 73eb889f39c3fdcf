package org.aimonitor.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.aimonitor.SeededDatabase;
import org.aimonitor.dashboard.DashboardView.TimelineEntry;
import org.aimonitor.dashboard.DashboardView;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.ViewRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's content, built from the seeded dataset in a real SQLite file. */
class SummaryViewTest {

  static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 7, 15, 4, 0, 0, ZoneId.of("Asia/Shanghai"));

  @TempDir
  static Path dir;
  static ViewRows data;
  static SummaryView view;
  static SummaryView zh;

  @BeforeAll
  static void load() {
    Database db = SeededDatabase.open(dir.resolve("monitor.db"));
    data = org.aimonitor.TestData.everything(db);
    view = SummaryView.build(data, NOW, Text.EN);
    zh = SummaryView.build(data, NOW, Text.ZH);
  }

  private static SummaryView.KeyFigure figure(String measure, String period) {
    return figure(view, measure, period);
  }

  private static SummaryView.KeyFigure figure(SummaryView view, String measure, String period) {
    return view.keyFigures().stream()
        .filter(f -> f.measure().equals(measure) && f.period().equals(period))
        .findFirst().orElseThrow(() -> new AssertionError("no key figure " + measure + " " + period));
  }

  @Test
  void keyFiguresAreTheOverviewsFiguresThenTheLatestSmartHardwareShares() {
    List<String> overview = DashboardView.build(data, 28, Text.EN).cards().stream()
        .flatMap(card -> card.figures().stream())
        .map(f -> f.measure() + " " + f.value() + " " + f.period())
        .toList();
    List<String> summary = view.keyFigures().stream()
        .map(f -> f.measure() + " " + f.value() + " " + f.period())
        .toList();
    assertEquals(overview, summary.subList(0, overview.size()), "same figures as the overview, in its order");
    assertEquals(List.of("AI phone share of smartphone shipments",
            "AI PC share of PC shipments",
            "L2 driver-assistance penetration, new passenger cars"),
        view.keyFigures().subList(overview.size(), summary.size()).stream()
            .map(SummaryView.KeyFigure::measure).toList());
  }

  @Test
  void lowerBoundKeyFiguresKeepTheirGreaterThanSign() {
    SummaryView.KeyFigure scale = figure("AI core industry scale", "2025");
    assertEquals("> ¥1,200 billion", scale.value());
    assertEquals("lower bound", scale.qualifier());
  }

  @Test
  void enterpriseCountsAreDatedToTheEndOfTheirPeriod() {
    SummaryView.KeyFigure enterprises = figure("AI enterprises", "end of 2025");
    assertEquals("> 6,200 enterprises", enterprises.value());
  }

  @Test
  void smartHardwareSharesAreTheLatestActualsNotForecasts() {
    assertEquals("64 %", figure("L2 driver-assistance penetration, new passenger cars", "Jan–Sep 2025").value());
    assertEquals("28 %", figure("AI PC share of PC shipments", "Q2 2025").value());
    assertTrue(view.keyFigures().stream().noneMatch(f -> f.qualifier().equals("forecast")
        || f.qualifier().equals("target")), "no projection among the key figures");
  }

  @Test
  void chartsAreMarketScaleSegmentGrowthAndSmartHardwareAdoption() {
    assertEquals(List.of("chart-market-scale", "chart-segment-growth", "chart-hardware"),
        view.charts().stream().map(c -> c.spec().id()).toList());
  }

  @Test
  void milestonesAreThePolicyEventsInDateOrder() {
    long policyEvents = data.events().stream().filter(e -> e.category().equals("policy")).count();
    assertTrue(policyEvents > 3 && policyEvents < data.events().size(), "a selection of the events");
    assertEquals(Math.min(policyEvents, SummaryView.MILESTONES), view.milestones().size(), "the newest milestones");
    assertTrue(view.milestones().stream().allMatch(m -> m.categoryCode().equals("policy")));
    List<String> dates = view.milestones().stream().map(TimelineEntry::isoDate).toList();
    assertEquals(dates.stream().sorted().toList(), dates);
  }

  @Test
  void sourcesAreNumberedInReadingOrderAndEachIsCited() {
    List<Integer> cited = Stream.of(
            view.keyFigures().stream().map(SummaryView.KeyFigure::sourceNo),
            view.charts().stream().flatMap(c -> c.sourceNos().stream()),
            view.milestones().stream().map(TimelineEntry::sourceNo))
        .flatMap(s -> s)
        .toList();
    assertEquals(1, cited.get(0), "the first key figure cites note 1");
    assertEquals(IntStream.rangeClosed(1, view.sources().size()).boxed().toList(),
        view.sources().stream().map(SourceNotes.Note::number).toList(), "notes numbered 1..n");
    assertEquals(Set.copyOf(cited), new HashSet<>(view.sources().stream().map(SourceNotes.Note::number).toList()),
        "every note is cited and every citation has a note");
    assertTrue(view.sources().stream().allMatch(n -> n.source().url().startsWith("http")));
  }

  @Test
  void dataAsOfIsTheNewestPublicationBehindTheFiguresNotTheMilestones() {
    Set<Integer> figureSources = new HashSet<>();
    view.keyFigures().forEach(f -> figureSources.add(f.sourceNo()));
    view.charts().forEach(c -> figureSources.addAll(c.sourceNos()));
    PartialDate newest = view.sources().stream()
        .filter(n -> figureSources.contains(n.number()))
        .map(n -> n.source().publishedOn())
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder()).orElseThrow();
    assertEquals(newest.label(), view.dataAsOf());
    assertEquals(DashboardView.build(data, 28, Text.EN).dataAsOf(), view.dataAsOf(), "as on the overview");
  }

  @Test
  void notesOnTheDataExplainTheSeriesBreakAndWhatThe15PercentMeasures() {
    assertTrue(view.dataNotes().stream().anyMatch(n -> n.startsWith("Series break between 2023 and 2024")));
    assertTrue(view.dataNotes().stream().anyMatch(n -> n.contains("15 %")
        && n.contains("share of the world's AI enterprises") && n.contains("not of the global AI market")));
  }

  @Test
  void generationTimeIsWrittenInUtc() {
    assertEquals("7 Mar 2026, 07:04 UTC", view.generatedAt());
    assertEquals("2026年3月7日 07:04（UTC）", zh.generatedAt());
  }

  // ---- In Chinese ----

  @Test
  void chineseKeyFiguresAreTheEnglishOnesInChineseUnitsAndWords() {
    assertEquals(view.keyFigures().size(), zh.keyFigures().size());
    assertEquals(view.keyFigures().stream().map(SummaryView.KeyFigure::sourceNo).toList(),
        zh.keyFigures().stream().map(SummaryView.KeyFigure::sourceNo).toList(), "same sources, same numbers");
    List<String> overview = DashboardView.build(data, 28, Text.ZH).cards().stream()
        .flatMap(card -> card.figures().stream())
        .map(f -> f.measure() + " " + f.value() + " " + f.period())
        .toList();
    assertEquals(overview, zh.keyFigures().subList(0, overview.size()).stream()
        .map(f -> f.measure() + " " + f.value() + " " + f.period()).toList());
    SummaryView.KeyFigure scale = figure(zh, "人工智能核心产业规模", "2025年");
    assertEquals("超过1.2万亿元", scale.value());
    assertEquals("下限", scale.qualifier());
    assertEquals("超过9000亿元", figure(zh, "人工智能核心产业规模", "2024年").value());
    assertEquals("+24%", figure(zh, "人工智能核心产业规模增速", "2024年").value());
    assertEquals("超过6200家", figure(zh, "人工智能企业数量", "2025年末").value());
    assertEquals("+54%", figure(zh, "基础设施层营收增速", "2024年").value());
    assertEquals("64%", figure(zh, "L2级组合驾驶辅助新车渗透率", "2025年1–9月").value());
    assertEquals("28%", figure(zh, "AI PC出货占比", "2025年第2季度").value());
  }

  @Test
  void chineseChartsMilestonesAndNotes() {
    assertEquals(List.of("人工智能核心产业规模（按年）", "2024年各层营收增速", "中国智能硬件普及情况"),
        zh.charts().stream().map(c -> c.spec().title()).toList());
    assertEquals(view.milestones().size(), zh.milestones().size());
    TimelineEntry plan = zh.milestones().stream().filter(m -> m.isoDate().equals("2025-08-21"))
        .findFirst().orElseThrow();
    assertEquals("2025年8月21日", plan.date());
    assertTrue(plan.title().contains("人工智能+"), plan.title());
    assertEquals("2026年3月5日", zh.dataAsOf());
    assertEquals(4, zh.dataNotes().size());
    assertTrue(zh.dataNotes().get(0).startsWith("2023年与2024年之间存在序列断点"));
    for (String figure : List.of("9000亿元", "7260亿元", "5784亿元", "24%")) {
      assertTrue(zh.dataNotes().get(0).contains(figure), figure);
    }
    assertTrue(zh.dataNotes().stream().anyMatch(n -> n.startsWith("15%是中国人工智能企业数量占全球的比重")
        && n.contains("并非占全球人工智能市场的份额")));
    for (String note : zh.dataNotes()) {
      assertFalse(note.replaceAll("Canalys|IDC|AI|PC|L2", "").matches("(?s).*[A-Za-z].*"),
          "English words in a Chinese note: " + note);
    }
  }
}
