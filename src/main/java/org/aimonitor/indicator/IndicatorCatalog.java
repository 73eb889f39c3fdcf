package org.aimonitor.indicator;

import java.util.List;
import java.util.Set;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Histories;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Observation;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Facts about indicators that several pages and the API share: order, latest figure, stock or flow. */
public final class IndicatorCatalog {

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

  /**
   * An indicator and the figure that represents it in lists ({@code null} when it has none),
   * with its key in {@link #LIST_ORDER}.
   */
  public record Latest(Indicator indicator, Histories.Recorded recorded, List<Object> key) {

    public Observation figure() {
      return recorded == null ? null : recorded.observation();
    }
  }

  /** Indicators in category order, then by code within a category. */
  public static final Keyset LIST_ORDER = new Keyset("i.category_rank", "i.code");

  /**
   * A page of indicators in {@link #LIST_ORDER} ({@code limit} of them after the cursor
   * {@code after}, or from {@code offset}), each with the figure that represents it in a list:
   * the latest headline actual in China (or the first region with data), and only when no
   * actual exists the latest forecast or target, which is then labelled as such wherever it is
   * shown. One query, an aggregate in SQL: it reads one figure per indicator listed.
   */
  public static List<Latest> latest(Handle h, List<Object> after, int limit, long offset) {
    Query q = h.createQuery("""
        WITH page AS (
          SELECT i.*, %s FROM indicator i WHERE %s ORDER BY %s LIMIT :limit OFFSET :offset)
        SELECT p.*, o.id, o.indicator AS o_indicator, o.region, o.period, o.value, o.qualifier,
               o.source, o.headline, o.note, o.recorded_at, o.import_id
        FROM page p
        LEFT JOIN observation o ON o.id = (
          SELECT x.id FROM observation x
          WHERE x.indicator = p.code AND x.headline = 1 AND x.region = (
            SELECT y.region FROM observation y WHERE y.indicator = p.code AND y.headline = 1
            ORDER BY %s, y.region LIMIT 1)
          ORDER BY x.qualifier IN ('forecast', 'target'), x.period_end DESC, x.period_start DESC
          LIMIT 1)
        ORDER BY p.k0, p.k1
        """.formatted(LIST_ORDER.select(), LIST_ORDER.after(after), LIST_ORDER.orderBy(),
            Regions.orderSql("y.region")))
        .bind("limit", limit).bind("offset", offset);
    LIST_ORDER.bind(q, after);
    return q.map((rs, ctx) -> {
      Indicator i = new Indicator(rs.getString("code"), rs.getString("category"),
          rs.getString("name_en"), rs.getString("name_zh"), rs.getString("unit"),
          rs.getString("unit_en"), rs.getString("unit_zh"), rs.getInt("decimals"),
          rs.getString("definition_en"), rs.getString("definition_zh"));
      return new Latest(i, rs.getString("o_indicator") == null ? null : Histories.read(rs, i.code()),
          List.of(rs.getObject("k0"), rs.getObject("k1")));
    }).list();
  }

  /** How many indicators there are. */
  public static long count(Handle h) {
    return h.createQuery("SELECT count(*) FROM indicator").mapTo(Long.class).one();
  }
}
