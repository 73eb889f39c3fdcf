package org.aimonitor.format;

import static org.aimonitor.Fixtures.indicator;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.aimonitor.Fixtures;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Qualifier;
import org.junit.jupiter.api.Test;

class FiguresTest {

  private static final Indicator SCALE = Fixtures.scale();
  private static final Indicator GROWTH = indicator("g", "scale", "pct", "% YoY", 1);
  private static final Indicator SHARE = indicator("s", "global", "pct", "%", 0);
  private static final Indicator FIRMS = indicator("e", "enterprises", "count", "enterprises", 0);
  private static final Indicator SERVERS = indicator("a", "segments", "USD_bn", "billion US dollars", 1);

  private static String f(Indicator i, String value, Qualifier q) {
    return Figures.figure(i, new BigDecimal(value), q);
  }

  @Test
  void lowerBoundValuesShowWithGreaterThanSign() {
    assertEquals("> ¥900 bn", f(SCALE, "900", Qualifier.LOWER_BOUND));
    assertEquals("> 5,300 enterprises", f(FIRMS, "5300", Qualifier.LOWER_BOUND));
  }

  @Test
  void approximateValuesShowWithApproximatelyEqualSign() {
    assertEquals("≈ 15 %", f(SHARE, "15", Qualifier.APPROX));
  }

  @Test
  void forecastsTargetsAndDerivedValuesAreNamed() {
    assertEquals("¥1,729.5 bn (forecast)", f(SCALE, "1729.5", Qualifier.FORECAST));
    assertEquals("¥1,000 bn (target)", f(SCALE, "1000", Qualifier.TARGET));
    assertEquals("¥726 bn (derived)", f(SCALE, "726", Qualifier.DERIVED));
  }

  @Test
  void growthRatesCarryASignAndSharesDoNot() {
    assertEquals("+24 %", f(GROWTH, "24", Qualifier.REPORTED));
    assertEquals("-3.5 %", f(GROWTH, "-3.5", Qualifier.REPORTED));
    assertEquals("15 %", f(SHARE, "15", Qualifier.REPORTED));
  }

  @Test
  void numbersKeepNoMorePrecisionThanPublishedNorMoreThanTheIndicatorAllows() {
    assertEquals("¥578.4 bn", f(SCALE, "578.4", Qualifier.REPORTED));
    assertEquals("¥508 bn", f(SCALE, "508.0", Qualifier.REPORTED));
    assertEquals("US$22.1 bn", f(SERVERS, "22.1", Qualifier.REPORTED));
    assertEquals("39 %", f(SHARE, "38.58", Qualifier.REPORTED));
  }
}
