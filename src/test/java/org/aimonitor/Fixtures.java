package org.aimonitor;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.i18n.Names;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Event;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Region;
import org.aimonitor.store.ViewRows;
import org.aimonitor.store.Source;
import org.aimonitor.store.Unit;

/** Small synthetic tables for unit tests of shaping and formatting. */
public final class Fixtures {

  private Fixtures() {
  }

  public static Indicator indicator(String code, String category, String unit, String unitEn,
      int decimals) {
    return newIndicator(code, category, code, code, unit, unitEn, UNIT_ZH.getOrDefault(unit, unitEn),
        decimals, "", "");
  }

  /** The Chinese unit words the seed's indicators use for each unit. */
  private static final Map<String, String> UNIT_ZH = Map.of("CNY_bn", "亿元", "USD_bn", "亿美元",
      "million_units", "万台", "million_users", "亿人", "pct", "%", "count", "家", "EFLOPS", "EFLOPS");

  /** An indicator whose unit is written as the shipped units.csv says. */
  public static Indicator newIndicator(String code, String category, String nameEn, String nameZh,
      String unit, String unitEn, String unitZh, int decimals, String definitionEn,
      String definitionZh) {
    return new Indicator(code, category, nameEn, nameZh, unit, unitEn, unitZh, decimals,
        definitionEn, definitionZh, measure(code, unit), unit(unit));
  }

  /**
   * The measure the seed's indicators.csv gives an indicator of this code and unit: counts,
   * users and computing power are stocks, and so are the seed's shares of stocks.
   */
  static String measure(String code, String unit) {
    boolean stock = java.util.Set.of("count", "million_users", "EFLOPS").contains(unit)
        || java.util.Set.of("ai_enterprises_global_share", "ai_unicorns_global_share",
            "genai_user_penetration", "ai_patent_share", "manufacturing_ai_adoption",
            "ai_terminal_penetration", "ai_enterprises_share").contains(code);
    return stock ? "stock" : "flow";
  }

  /** A row of the shipped data/units.csv, the units every new database starts with. */
  public static Unit unit(String code) {
    return UNITS.computeIfAbsent(code, c -> {
      try (var reader = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("data/units.csv"))) {
        return CsvTable.UNITS.read("units.csv", reader).stream()
            .filter(r -> r.get("unit").equals(c)).findFirst()
            .map(r -> new Unit(c, r.get("name_en"), r.get("name_zh"), r.get("format_en"),
                r.get("format_zh"), Integer.parseInt(r.get("zh_exponent")), r.get("zh_magnitudes")))
            .orElseThrow(() -> new IllegalArgumentException("no unit " + c + " in data/units.csv"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private static final Map<String, Unit> UNITS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The places of the national dataset, as the shipped data/regions.csv has them. */
  public static List<Region> regions() {
    return List.of(new Region("CN", "China (mainland)", "中国（大陆）", "WORLD", "country"),
        new Region("CN-GC", "Greater China", "大中华区", "WORLD", "country"),
        new Region("WORLD", "World", "全球", null, "world"),
        new Region("US", "United States", "美国", "WORLD", "country"));
  }

  /** Their names. */
  public static Names names() {
    return Names.ofRegions(regions());
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

  /** The same figure, marked not comparable with the one before it (break_before). */
  public static Observation broken(Observation o) {
    return new Observation(o.indicator(), o.region(), o.period(), o.value(), o.qualifier(),
        o.source(), o.headline(), o.note(), true, o.doubtful());
  }

  /** The same figure, marked doubtful. */
  public static Observation doubtful(Observation o) {
    return new Observation(o.indicator(), o.region(), o.period(), o.value(), o.qualifier(),
        o.source(), o.headline(), o.note(), o.breakBefore(), true);
  }

  /** A headline observation in China. */
  public static Observation cn(String indicator, String period, String value, String qualifier,
      String source) {
    return obs(indicator, "CN", period, value, qualifier, source, true);
  }

  public static ViewRows snapshot(List<Indicator> indicators, List<Source> sources,
      List<Observation> observations, List<Event> events) {
    Map<String, Indicator> is = new LinkedHashMap<>();
    indicators.forEach(i -> is.put(i.code(), i));
    Map<String, Source> ss = new LinkedHashMap<>();
    sources.forEach(s -> ss.put(s.id(), s));
    return new ViewRows(1, is, ss, observations, events);
  }

  public static List<Source> sources(String... idsAndDates) {
    return Arrays.stream(idsAndDates).map(s -> {
      String[] parts = s.split("@", 2);
      return source(parts[0], parts.length > 1 ? parts[1] : null);
    }).toList();
  }
}
