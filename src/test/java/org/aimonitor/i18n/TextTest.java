package org.aimonitor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.junit.jupiter.api.Test;

/** Figures, periods and dates as each language writes them, in that language's units. */
class TextTest {

  private static Indicator indicator(String unit, String unitEn, String unitZh, int decimals) {
    return org.aimonitor.Fixtures.newIndicator("x", "scale", "name", "名称", unit, unitEn, unitZh, decimals, "", "");
  }

  private static final Indicator SCALE = indicator("CNY_bn", "billion yuan", "亿元", 1);
  private static final Indicator GROWTH = indicator("pct", "% YoY", "%（同比）", 1);
  private static final Indicator SHARE = indicator("pct", "%", "%", 0);
  private static final Indicator FIRMS = indicator("count", "enterprises", "家", 0);
  private static final Indicator SERVERS = indicator("USD_bn", "billion US dollars", "亿美元", 1);
  private static final Indicator PCS = indicator("million_units", "million units", "万台", 1);
  private static final Indicator USERS = indicator("million_users", "million users", "亿人", 0);
  private static final Indicator COMPUTE = indicator("EFLOPS", "EFLOPS", "EFLOPS", 0);

  private static String en(Indicator i, String value, Qualifier q) {
    return Text.EN.figure(i, new BigDecimal(value), q);
  }

  private static String zh(Indicator i, String value, Qualifier q) {
    return Text.ZH.figure(i, new BigDecimal(value), q);
  }

  @Test
  void englishWritesTheDatasetUnitWithSignsAndGrouping() {
    assertEquals("> ¥900 billion", en(SCALE, "900", Qualifier.LOWER_BOUND));
    assertEquals("> 5,300 enterprises", en(FIRMS, "5300", Qualifier.LOWER_BOUND));
    assertEquals("≈ 15 %", en(SHARE, "15", Qualifier.APPROX));
    assertEquals("+24 %", en(GROWTH, "24", Qualifier.REPORTED));
    assertEquals("-3.5 %", en(GROWTH, "-3.5", Qualifier.REPORTED));
    assertEquals("US$22.1 billion", en(SERVERS, "22.1", Qualifier.REPORTED));
    assertEquals("¥1,729.5 billion (forecast)", en(SCALE, "1729.5", Qualifier.FORECAST));
    assertEquals("¥1,000 billion (target)", en(SCALE, "1000", Qualifier.TARGET));
    assertEquals("¥726 billion (derived)", en(SCALE, "726", Qualifier.DERIVED));
    assertEquals("280 EFLOPS", en(COMPUTE, "280", Qualifier.REPORTED));
  }

  @Test
  void chineseConvertsToTheDatasetsChineseUnits() {
    // 1 billion yuan = 10 亿元; 1 million units = 100 万台; 100 million users = 1 亿人.
    assertEquals("超过9000亿元", zh(SCALE, "900", Qualifier.LOWER_BOUND));
    assertEquals("5784亿元", zh(SCALE, "578.4", Qualifier.REPORTED));
    assertEquals("1.7295万亿元（预测）", zh(SCALE, "1729.5", Qualifier.FORECAST));
    assertEquals("1万亿元（目标）", zh(SCALE, "1000", Qualifier.TARGET));
    assertEquals("221亿美元", zh(SERVERS, "22.1", Qualifier.REPORTED));
    assertEquals("约1250万台", zh(PCS, "12.5", Qualifier.APPROX));
    assertEquals("2.49亿人", zh(USERS, "249", Qualifier.REPORTED));
    assertEquals("超过5300家", zh(FIRMS, "5300", Qualifier.LOWER_BOUND));
    assertEquals("约15%", zh(SHARE, "15", Qualifier.APPROX));
    assertEquals("+24%", zh(GROWTH, "24", Qualifier.REPORTED));
    assertEquals("280 EFLOPS", zh(COMPUTE, "280", Qualifier.REPORTED));
  }

  @Test
  void chineseWritesEachValueWithTheLargestMagnitudeItsUnitAllowsAndReaches() {
    // Money in 亿 and, from 1万亿, in 万亿 (units.csv: CNY_bn "8 12").
    assertEquals("超过1.2万亿元", zh(SCALE, "1200", Qualifier.LOWER_BOUND));
    assertEquals("9999亿元", zh(SCALE, "999.9", Qualifier.REPORTED));
    assertEquals("1万亿元", zh(SCALE, "999.99", Qualifier.REPORTED), "rounded as published, then written");
    assertEquals("1万亿元", zh(SCALE, "1000.0", Qualifier.REPORTED));
    assertEquals("12.35万亿元", zh(SCALE, "12350", Qualifier.REPORTED));
    assertEquals("0.5亿元", zh(indicator("CNY_bn", "billion yuan", "亿元", 2), "0.05", Qualifier.REPORTED),
        "below 1亿 stays in 亿: never 万元");
    // Units in 万 and, from 1亿, in 亿; people in 亿 only.
    assertEquals("2.78亿台", zh(PCS, "278", Qualifier.REPORTED));
    assertEquals("9990万台", zh(PCS, "99.9", Qualifier.REPORTED));
    assertEquals("0.5亿人", zh(USERS, "50", Qualifier.REPORTED));
    // Counts plain below 1万, then in 万 and 亿.
    assertEquals("9999家", zh(FIRMS, "9999", Qualifier.REPORTED));
    assertEquals("48.9万家", zh(FIRMS, "489000", Qualifier.REPORTED));
    assertEquals("约2.258万家", zh(FIRMS, "22580", Qualifier.APPROX));
    assertEquals("1.5亿家", zh(FIRMS, "150000000", Qualifier.REPORTED));
    // Shares and computing power have no magnitude words; Chinese never groups digits.
    assertEquals("12000 EFLOPS", zh(COMPUTE, "12000", Qualifier.REPORTED));
    assertEquals("12,000 EFLOPS", en(COMPUTE, "12000", Qualifier.REPORTED));
    assertEquals("¥12,350 billion", en(SCALE, "12350", Qualifier.REPORTED));
    // A chart draws in the indicator's Chinese unit words, whatever each figure's magnitude.
    assertEquals(12000.0, Text.ZH.chartValue(SCALE, new BigDecimal("1200")));
    assertEquals(489000.0, Text.ZH.chartValue(FIRMS, new BigDecimal("489000")));
  }

  @Test
  void conversionNeitherInventsNorDropsPrecision() {
    // ×10 takes one decimal away, ÷100 adds two; never more digits than published.
    assertEquals(new Text.Scaled(new BigDecimal("5784"), 0), Text.ZH.scaled(SCALE, new BigDecimal("578.4")));
    assertEquals(new Text.Scaled(new BigDecimal("2.49"), 2), Text.ZH.scaled(USERS, new BigDecimal("249")));
    assertEquals("5080亿元", zh(SCALE, "508.0", Qualifier.REPORTED));
    assertEquals("1.5亿人", zh(USERS, "150", Qualifier.REPORTED));
    assertEquals(9000.0, Text.ZH.chartValue(SCALE, new BigDecimal("900")));
    assertEquals(900.0, Text.EN.chartValue(SCALE, new BigDecimal("900")));
    assertEquals(1250.0, Text.ZH.chartValue(PCS, new BigDecimal("12.5")));
  }

  @Test
  void labelledFiguresNameTheirQualifierInTheirLanguage() {
    assertEquals("> ¥900 billion (lower bound)",
        Text.EN.labelled(SCALE, new BigDecimal("900"), Qualifier.LOWER_BOUND));
    assertEquals("超过9000亿元（下限）",
        Text.ZH.labelled(SCALE, new BigDecimal("900"), Qualifier.LOWER_BOUND));
    assertEquals("5784亿元（公布值）",
        Text.ZH.labelled(SCALE, new BigDecimal("578.4"), Qualifier.REPORTED));
  }

  @Test
  void periodsInBothLanguages() {
    List<String> codes = List.of("2024", "2025-H1", "2025-Q2", "2025-06", "2025-01/2025-07",
        "2024-11/2025-02");
    assertEquals(List.of("2024", "H1 2025", "Q2 2025", "Jun 2025", "Jan–Jul 2025", "Nov 2024–Feb 2025"),
        codes.stream().map(c -> Text.EN.period(Period.parse(c))).toList());
    assertEquals(List.of("2024年", "2025年上半年", "2025年第2季度", "2025年6月", "2025年1–7月",
            "2024年11月–2025年2月"),
        codes.stream().map(c -> Text.ZH.period(Period.parse(c))).toList());
    assertEquals(List.of("end of 2024", "end of H1 2025", "end of Q2 2025", "Jun 2025", "Jul 2025",
            "Feb 2025"),
        codes.stream().map(c -> Text.EN.periodEnd(Period.parse(c))).toList());
    assertEquals(List.of("2024年末", "2025年上半年末", "2025年第2季度末", "2025年6月", "2025年7月",
            "2025年2月"),
        codes.stream().map(c -> Text.ZH.periodEnd(Period.parse(c))).toList());
  }

  @Test
  void datesInBothLanguages() {
    assertEquals("1 Oct 2025", Text.EN.date(PartialDate.parse("2025-10-01")));
    assertEquals("2025年10月1日", Text.ZH.date(PartialDate.parse("2025-10-01")));
    assertEquals("2025年7月", Text.ZH.date(PartialDate.parse("2025-07")));
    assertEquals("2017年", Text.ZH.date(PartialDate.parse("2017")));
    assertEquals("29 Nov 2026", Text.EN.date(LocalDate.of(2026, 11, 29)));
    assertEquals("2026年11月29日", Text.ZH.date(LocalDate.of(2026, 11, 29)));
  }

  @Test
  void historyLineInBothLanguages() {
    Observation o = new Observation(SCALE.code(), "CN", Period.parse("2024"), new BigDecimal("950"),
        Qualifier.LOWER_BOUND, "s1", true, "");
    History h = new History("2026-11-29T10:00:00Z", 3L, List.of(new History.Revision("900",
        "lower_bound", true, "", "2026-11-28T09:00:00Z", 1L, "2026-11-29T10:00:00Z", 3)));
    assertEquals("> ¥950 billion (lower bound), recorded 2026-11-29 (import 3); previously "
        + "> ¥900 billion (lower bound), headline, recorded 2026-11-28 (import 1)",
        Text.EN.history(SCALE, o, h));
    assertEquals("超过9500亿元（下限），记录于2026-11-29（第3次导入）；此前为超过9000亿元（下限），曾为主数据，"
        + "记录于2026-11-28（第1次导入）", Text.ZH.history(SCALE, o, h));
    assertNull(Text.ZH.history(SCALE, o, new History(null, null, List.of())));
  }

  @Test
  void datasetWordsComeFromTheLanguagesColumns() {
    assertEquals("name", Text.EN.name(SCALE));
    assertEquals("名称", Text.ZH.name(SCALE));
    assertEquals("亿元", Text.ZH.unit(SCALE));
    assertEquals("下限", Text.ZH.qualifier(Qualifier.LOWER_BOUND));
    assertEquals("lower bound", Text.EN.qualifier(Qualifier.LOWER_BOUND));
    assertEquals("全球", org.aimonitor.Fixtures.names().region("WORLD", Text.ZH));
  }

  /** chinese: the import authors the program writes itself read in Chinese; staff's labels stay. */
  @Test
  void importAuthorsTheProgramNamesAreChineseOnChinesePages() {
    assertEquals("内置初始数据", Text.ZH.who("seed"));
    assertEquals("管理员令牌（网页上传）", Text.ZH.who("admin token (web)"));
    assertEquals("管理员令牌（API）", Text.ZH.who("admin token (API)"));
    assertEquals(null, Text.ZH.whoLang("seed"));
    assertEquals("data team (web)", Text.ZH.who("data team (web)"));
    assertEquals("en", Text.ZH.whoLang("data team (web)"));
    assertEquals("seed", Text.EN.who("seed"));
    assertEquals("admin token (web)", Text.EN.who("admin token (web)"));
    assertEquals(null, Text.EN.whoLang("seed"));
  }
}
