package org.aimonitor.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.web.HttpProblem;
import org.junit.jupiter.api.Test;

class FilterTest {

  private static final org.aimonitor.i18n.Names NAMES = org.aimonitor.Fixtures.names();

  private static Filter parse(Map<String, List<String>> query) {
    return Filter.parse(query, Text.EN);
  }

  private static HttpProblem refused(Map<String, List<String>> query) {
    return refused(query, Text.EN);
  }

  private static HttpProblem refused(Map<String, List<String>> query, Text t) {
    return assertThrows(HttpProblem.class, () -> Filter.parse(query, t));
  }

  @Test
  void absentAndEmptyParametersMeanNoFilter() {
    assertEquals(Filter.NONE, parse(Map.of()));
    assertEquals(Filter.NONE, parse(Map.of("region", List.of(""), "from", List.of(""), "to", List.of(" "))));
  }

  @Test
  void regionAndYearsAreRead() {
    assertEquals(new Filter("CN-GC", 2020, 2025),
        parse(Map.of("region", List.of("CN-GC"), "from", List.of("2020"), "to", List.of("2025"))));
  }

  @Test
  void somethingThatIsNotARegionCodeIsRefused() {
    HttpProblem p = refused(Map.of("region", List.of("cn")));
    assertEquals(400, p.status());
    assertEquals("Bad request", p.title(Text.EN));
    assertTrue(p.getMessage().contains("\"cn\" is not one"), p.getMessage());
    assertTrue(refused(Map.of("region", List.of("CN,,US"))).getMessage().contains("\"\" is not one"));
  }

  @Test
  void upToFivePlacesAreReadInTheOrderGivenAndNoMore() {
    Filter f = parse(Map.of("region", List.of("CN-BJ, CN-SH,CN-GD-SZ")));
    assertEquals(List.of("CN-BJ", "CN-SH", "CN-GD-SZ"), f.regions());
    assertTrue(f.compares());
    assertEquals(null, f.region());
    assertEquals("?region=CN-BJ,CN-SH,CN-GD-SZ", f.query());
    assertEquals(f, parse(Map.of("region", List.of(f.regionParam()))));
    assertTrue(refused(Map.of("region", List.of("CN-BJ,CN-SH,CN-GD,CN-ZJ,CN-JS,CN-AH")))
        .getMessage().contains("At most 5 places"));
    assertTrue(refused(Map.of("region", List.of("CN-BJ,CN-BJ"))).getMessage().contains("given twice"));
  }

  @Test
  void yearsMustBeFourDigitYearsInRange() {
    assertTrue(refused(Map.of("from", List.of("20x0"))).getMessage().contains("\"from\""));
    assertTrue(refused(Map.of("to", List.of("2020.5"))).getMessage().contains("\"to\""));
    assertTrue(refused(Map.of("to", List.of("-2020"))).getMessage().contains("\"to\""));
    assertTrue(refused(Map.of("from", List.of("1800"))).getMessage().contains("between 1900 and 2100"));
  }

  @Test
  void fromAfterToIsRefused() {
    HttpProblem p = refused(Map.of("from", List.of("2025"), "to", List.of("2020")));
    assertTrue(p.getMessage().contains("from=2025 is after to=2020"), p.getMessage());
  }

  @Test
  void aParameterGivenTwiceIsRefused() {
    assertTrue(refused(Map.of("region", List.of("CN", "WORLD"))).getMessage().contains("2 times"));
  }

  @Test
  void periodsMustLieWhollyWithinTheYears() {
    Filter f = new Filter("CN", 2024, 2025);
    assertTrue(f.includes(obs("CN", "2024")));
    assertTrue(f.includes(obs("CN", "2025-01/2025-07")));
    assertFalse(f.includes(obs("CN", "2023-Q4")));
    assertFalse(f.includes(obs("WORLD", "2024")));
    assertFalse(f.includes(obs("CN", "2026")));
  }

  @Test
  void queryStringRoundTripsThroughParse() {
    Filter f = new Filter("CN-GC", 2020, null);
    assertEquals("?region=CN-GC&from=2020", f.query());
    assertEquals("", Filter.NONE.query());
    assertEquals(f, parse(Map.of("region", List.of("CN-GC"), "from", List.of("2020"))));
  }

  @Test
  void describesTheViewInWords() {
    assertEquals("all regions, all years", Filter.NONE.describe(Text.EN, NAMES));
    assertEquals("China (mainland), 2020–2025", new Filter("CN", 2020, 2025).describe(Text.EN, NAMES));
    assertEquals("World, from 2024", new Filter("WORLD", 2024, null).describe(Text.EN, NAMES));
    assertEquals("all regions, up to 2022", new Filter((String) null, null, 2022).describe(Text.EN, NAMES));
    assertEquals("Greater China, 2024", new Filter("CN-GC", 2024, 2024).describe(Text.EN, NAMES));
  }

  @Test
  void describesTheViewInChinese() {
    assertEquals("全部地区，全部年份", Filter.NONE.describe(Text.ZH, NAMES));
    assertEquals("中国（大陆），2020–2025年", new Filter("CN", 2020, 2025).describe(Text.ZH, NAMES));
    assertEquals("全球，2024年起", new Filter("WORLD", 2024, null).describe(Text.ZH, NAMES));
    assertEquals("全部地区，2022年及以前", new Filter((String) null, null, 2022).describe(Text.ZH, NAMES));
    assertEquals("大中华区，2024年", new Filter("CN-GC", 2024, 2024).describe(Text.ZH, NAMES));
  }

  @Test
  void refusalsAreSaidInChinese() {
    HttpProblem region = refused(Map.of("region", List.of("Mars")), Text.ZH);
    assertEquals(400, region.status());
    assertEquals("请求有误", region.title(Text.ZH));
    assertEquals("参数“region”必须是地区代码（如CN或CN-BJ），多个代码以逗号分隔；“Mars”不是地区代码。",
        region.getMessage());
    assertEquals("参数“from”必须是年份（例如2020），而不是“20x0”。",
        refused(Map.of("from", List.of("20x0")), Text.ZH).getMessage());
    assertEquals("参数“from”必须是1900至2100之间的年份，而不是1800。",
        refused(Map.of("from", List.of("1800")), Text.ZH).getMessage());
    assertEquals("年份范围为空：起始年份（from=2025）晚于截止年份（to=2020）。",
        refused(Map.of("from", List.of("2025"), "to", List.of("2020")), Text.ZH).getMessage());
    assertEquals("参数“region”出现了2次，只能给出一次。",
        refused(Map.of("region", List.of("CN", "WORLD")), Text.ZH).getMessage());
  }

  @Test
  void englishRefusalsSayWhatARegionCodeLooksLike() {
    assertEquals("The parameter \"region\" must be region codes such as CN or CN-BJ, joined by commas;"
        + " \"Mars\" is not one.", refused(Map.of("region", List.of("Mars"))).getMessage());
  }

  private static Observation obs(String region, String period) {
    return new Observation("x", region, Period.parse(period), BigDecimal.ONE, Qualifier.REPORTED,
        "s", true, "");
  }
}
