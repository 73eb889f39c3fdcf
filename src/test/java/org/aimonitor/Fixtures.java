package org.aimonitor;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.store.Event;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Snapshot;
import org.aimonitor.store.Source;

/** Small synthetic tables for unit tests of shaping and formatting. */
public final class Fixtures {

  private Fixtures() {
  }

  public static Indicator indicator(String code, String category, String unit, String unitEn,
      int decimals) {
    return new Indicator(code, category, code, code, unit, unitEn, unitEn, decimals, "", "");
  }

  public static Indicator scale() {
    return indicator("ai_core_industry_scale", "scale", "CNY_bn", "billion yuan", 1);
  }

  public static Source source(String id, String date) {
    return new Source(id, "Publisher " + id, "Title " + id, "https://example.org/" + id,
        PartialDate.parseOptional(date), "en", "official", "");
  }

  public static Observation obs(String indicator, String region, String period, String value,
      String qualifier, String source, boolean headline) {
    return new Observation(indicator, region, Period.parse(period), new BigDecimal(value),
        Qualifier.parse(qualifier), source, headline, "");
  }

  /** A headline observation in China. */
  public static Observation cn(String indicator, String period, String value, String qualifier,
      String source) {
    return obs(indicator, "CN", period, value, qualifier, source, true);
  }

  public static Snapshot snapshot(List<Indicator> indicators, List<Source> sources,
      List<Observation> observations, List<Event> events) {
    Map<String, Indicator> is = new LinkedHashMap<>();
    indicators.forEach(i -> is.put(i.code(), i));
    Map<String, Source> ss = new LinkedHashMap<>();
    sources.forEach(s -> ss.put(s.id(), s));
    return new Snapshot(1, is, ss, observations, events);
  }

  public static List<Source> sources(String... idsAndDates) {
    return Arrays.stream(idsAndDates).map(s -> {
      String[] parts = s.split("@", 2);
      return source(parts[0], parts.length > 1 ? parts[1] : null);
    }).toList();
  }
}
