package org.aimonitor.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.web.HttpProblem;
import org.junit.jupiter.api.Test;

class FilterTest {

  private static Filter parse(Map<String, List<String>> query) {
    return Filter.parse(query);
  }

  private static HttpProblem refused(Map<String, List<String>> query) {
    return assertThrows(HttpProblem.class, () -> Filter.parse(query));
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
  void unknownRegionIsRefusedWithTheValidOnesListed() {
    HttpProblem p = refused(Map.of("region", List.of("cn")));
    assertEquals(400, p.status());
    assertTrue(p.getMessage().contains("\"cn\""), p.getMessage());
    for (String r : Regions.codes()) {
      assertTrue(p.getMessage().contains(r), p.getMessage());
    }
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
    assertEquals("all regions, all years", Filter.NONE.describe());
    assertEquals("China (mainland), 2020–2025", new Filter("CN", 2020, 2025).describe());
    assertEquals("World, from 2024", new Filter("WORLD", 2024, null).describe());
  }

  private static Observation obs(String region, String period) {
    return new Observation("x", region, Period.parse(period), BigDecimal.ONE, Qualifier.REPORTED,
        "s", true, "");
  }
}
