package org.aimonitor.indicator;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Snapshot;

/** Facts about indicators that several pages and the API share: order, latest figure, stock or flow. */
public final class IndicatorCatalog {

  /** Categories in the order the data README lists them; pages group indicators this way. */
  public static final List<String> CATEGORIES = List.of(
      "scale", "enterprises", "segments", "hardware", "adoption", "compute", "global");

  /**
   * Percentages of a stock (a share of all enterprises, of the population, of cumulative
   * patents): like counts, they are values at the end of their period, not over it.
   */
  private static final Set<String> STOCK_SHARES = Set.of(
      "ai_enterprises_global_share", "ai_unicorns_global_share", "genai_user_penetration",
      "ai_patent_share", "manufacturing_ai_adoption", "ai_terminal_penetration");

  private IndicatorCatalog() {
  }

  /**
   * Stocks (counts, users, filings, models, computing power, and shares of those) are measured
   * at the end of their period; everything else is a flow or a rate over the period.
   */
  public static boolean isStock(Indicator indicator) {
    return switch (indicator.unit()) {
      case "count", "million_users", "EFLOPS" -> true;
      default -> STOCK_SHARES.contains(indicator.code());
    };
  }


  /** The period as a page in {@code t}'s language writes it: "end of 2024", "2024年末", "2025年第2季度". */
  public static String periodLabel(Text t, Indicator indicator, Observation o) {
    return isStock(indicator) ? t.periodEnd(o.period()) : t.period(o.period());
  }

  /** Indicators in category order, then by code within a category. */
  public static List<Indicator> ordered(Snapshot data) {
    return data.indicators().values().stream()
        .sorted(Comparator.comparingInt((Indicator i) -> categoryOrder(i.category())))
        .toList();
  }

  static int categoryOrder(String category) {
    int i = CATEGORIES.indexOf(category);
    return i < 0 ? CATEGORIES.size() : i;
  }

  /**
   * The figure that represents an indicator in a list: the latest headline actual in China
   * (or the first region with data), and only when no actual exists the latest forecast or
   * target, which is then labelled as such wherever it is shown.
   */
  public static Optional<Observation> latest(Snapshot data, Indicator indicator) {
    List<Observation> headlines = data.observations().stream()
        .filter(o -> o.indicator().equals(indicator.code()) && o.headline())
        .toList();
    Optional<String> region = headlines.stream().map(Observation::region)
        .min(Comparator.comparingInt(Regions::order).thenComparing(Comparator.naturalOrder()));
    if (region.isEmpty()) {
      return Optional.empty();
    }
    List<Observation> inRegion = headlines.stream()
        .filter(o -> o.region().equals(region.get())).toList();
    Optional<Observation> actual = inRegion.stream().filter(o -> o.qualifier().isActual())
        .max(Comparator.comparing(Observation::period));
    return actual.isPresent() ? actual
        : inRegion.stream().max(Comparator.comparing(Observation::period));
  }
}
