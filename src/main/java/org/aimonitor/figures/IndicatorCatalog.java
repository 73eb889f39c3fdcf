package org.aimonitor.figures;

import java.time.LocalDate;
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
   * with its key in {@link #LIST_ORDER}; {@code places} counts the places with figures of an
   * indicator that has only regional ones (and so no single figure to show).
   */
  public record Latest(Indicator indicator, Histories.Recorded recorded, List<Object> key,
      long places) {

    public Observation figure() {
      return recorded == null ? null : recorded.observation();
    }
  }

  /**
   * Indicators category by category, in the categories' order, then by code: the categories
   * are read in id order and each one's indicators through indicator_by_category (a CROSS JOIN
   * keeps that loop order), so no page sorts every indicator.
   */
  public static final Keyset LIST_ORDER = new Keyset("c.id", "i.code");

  /**
   * A page of indicators in {@link #LIST_ORDER} ({@code limit} of them after the cursor
   * {@code after}, or from {@code offset}), each with the figure that represents it in a list:
   * the latest headline actual in China, else in the first world or country region with one;
   * only when no actual exists the latest forecast or target, which is then labelled as such
   * wherever it is shown. A province's or a city's figure never stands for an indicator: one
   * with only regional figures has none, and says for how many places it has them. One query,
   * an aggregate in SQL: it reads one figure per indicator listed.
   */
  public static List<Latest> latest(Handle h, List<Object> after, int limit, long offset) {
    return latest(h, Listing.BY_CATEGORY, after, limit, offset);
  }

  /**
   * The orders indicators are listed in: by category ({@link #LIST_ORDER}), or by the month
   * their next release is expected (those with none last), optionally only the overdue ones.
   * Each reads through an index in its order: a page costs its rows, not the whole list.
   */
  public record Listing(String from, Keyset order, LocalDate overdueOn) {

    public static final Listing BY_CATEGORY = new Listing(
        "category c CROSS JOIN indicator i ON i.category = c.code", LIST_ORDER, null);

    /** By next release; with {@code overdueOn}, only indicators overdue on that day. */
    public static Listing byFreshness(LocalDate overdueOn) {
      return new Listing("freshness f CROSS JOIN indicator i ON i.code = f.indicator"
          + " JOIN category c ON c.code = i.category", FRESHNESS_ORDER, overdueOn);
    }

    String where() {
      // Overdue releases were expected before this month: the range keeps the read on the
      // index's first rows.
      return overdueOn == null ? "1 = 1" : "f.overdue_after < :overdue_on"
          + " AND coalesce(f.expected, '9999-12') < :this_month";
    }
  }

  /**
   * Indicators by the month their next release is expected, soonest first, those with none
   * last; the expression is the one index freshness_by_expected is built on.
   */
  public static final Keyset FRESHNESS_ORDER = new Keyset("coalesce(f.expected, '9999-12')",
      "f.indicator");

  /** As {@link #latest(Handle, List, int, long)}, in the order of {@code listing}. */
  public static List<Latest> latest(Handle h, Listing listing, List<Object> after, int limit,
      long offset) {
    Query q = h.createQuery("""
        WITH page AS (
          SELECT %s, %s
          FROM %s JOIN unit u ON u.code = i.unit
          WHERE %s AND %s ORDER BY %s LIMIT :limit OFFSET :offset)
        SELECT p.*, o.id, o.indicator AS o_indicator, o.region, o.period, o.value, o.qualifier,
               o.source, o.headline, o.note, o.recorded_at, o.import_id
        FROM page p
        LEFT JOIN observation o ON o.id = (
          SELECT x.id FROM observation x
          WHERE x.indicator = p.code AND x.headline = 1 AND x.region = coalesce(
            (SELECT 'CN' WHERE EXISTS (SELECT 1 FROM observation y
              WHERE y.indicator = p.code AND y.region = 'CN' AND y.headline = 1)),
            (SELECT y.region FROM observation y JOIN region r ON r.code = y.region
              WHERE y.indicator = p.code AND y.headline = 1 AND r.level IN ('world', 'country')
              ORDER BY r.id LIMIT 1))
          ORDER BY x.qualifier IN ('forecast', 'target'), x.period_end DESC, x.period_start DESC
          LIMIT 1)
        ORDER BY p.k0, p.k1
        """.formatted(Indicator.COLUMNS, listing.order().select(), listing.from(),
            listing.order().condition(after), listing.where(), listing.order().orderBy()))
        .bind("limit", limit).bind("offset", offset);
    if (listing.overdueOn() != null) {
      q.bind("overdue_on", listing.overdueOn().toString())
          .bind("this_month", java.time.YearMonth.from(listing.overdueOn()).toString());
    }
    listing.order().bind(q, after);
    List<Latest> page = q.map((rs, ctx) -> {
      Indicator i = Indicator.read(rs);
      return new Latest(i, rs.getString("o_indicator") == null ? null : Histories.read(rs, i.code()),
          List.of(rs.getObject("k0"), rs.getObject("k1")), 0);
    }).list();
    List<String> regionalOnly = page.stream().filter(l -> l.recorded() == null)
        .map(l -> l.indicator().code()).toList();
    if (regionalOnly.isEmpty()) {
      return page;
    }
    java.util.Map<String, Long> places = new java.util.HashMap<>();
    h.createQuery("""
            SELECT indicator, count(DISTINCT region) FROM observation
            WHERE indicator IN (<codes>) AND headline = 1 GROUP BY indicator
            """)
        .bindList("codes", regionalOnly)
        .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> places.put(e.getKey(), e.getValue()));
    return page.stream().map(l -> l.recorded() != null ? l
        : new Latest(l.indicator(), null, l.key(), places.getOrDefault(l.indicator().code(), 0L)))
        .toList();
  }

  /** How many indicators there are. */
  public static long count(Handle h) {
    return h.createQuery("SELECT count(*) FROM indicator").mapTo(Long.class).one();
  }
}
