package org.aimonitor.region;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Period;
import org.aimonitor.store.Region;
import org.aimonitor.store.Source;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.QueryParams;
import org.jdbi.v3.core.Handle;

/**
 * What an indicator page reads to set places side by side, in the page's transaction: the
 * ranking of provinces and cities in one period (when the indicator has figures for any), the
 * places chosen for the comparison over time (when the filter names two or more), and the
 * sources both cite.
 *
 * @param ranking    the ranking, or null when no province or city has a figure
 * @param asked      whether {@code period=} chose the ranked period
 * @param level      the level {@code level=} asked to rank, or null (the default)
 * @param comparison the chosen places' series, or null when fewer than two are chosen
 */
public record SideBySide(Ranking ranking, boolean asked, String level, Comparison comparison,
    Map<String, Source> sources) {

  public static final SideBySide NONE = new SideBySide(null, false, null, null, Map.of());
  /** Ranked places the indicator page lists (and its chart draws); the full ranking has the rest. */
  public static final int SHOWN = RankingChart.MAX_BARS;
  /** The parameter that chooses the ranked period. */
  public static final String PERIOD = "period";
  /** The parameter that chooses the level ranked ({@code province} or {@code city}). */
  public static final String LEVEL = "level";
  /** The parameters {@link #period} and {@link #level} read: what a ranking is asked for. */
  public static final QueryParams PERIOD_PARAMS = QueryParams.of(PERIOD, LEVEL);

  /**
   * The period {@code period=} asks for ("2024", "2025-H1", "2024-10", "2025-01/2025-09"), or
   * null when absent or empty.
   *
   * @throws HttpProblem 400 in {@code t}'s language when it is given twice or is not a period
   */
  public static Period period(Map<String, List<String>> query, Text t) {
    String code = PERIOD_PARAMS.single(query, PERIOD, t);
    if (code == null) {
      return null;
    }
    try {
      return Period.parse(code);
    } catch (IllegalArgumentException e) {
      throw QueryParams.refused(t, t.t("places.error.period", code));
    }
  }

  /**
   * The level {@code level=} asks to rank, or null when absent or empty.
   *
   * @throws HttpProblem 400 in {@code t}'s language when it is given twice or is neither
   *                     {@code province} nor {@code city}
   */
  public static String level(Map<String, List<String>> query, Text t) {
    String level = PERIOD_PARAMS.single(query, LEVEL, t);
    if (level != null && !Ranking.LEVELS.contains(level)) {
      throw QueryParams.refused(t, t.t("places.error.rank-level", level));
    }
    return level;
  }

  /** The level the request asks to rank (its route declares {@link #PERIOD_PARAMS}). */
  public static String level(Context ctx, Text t) {
    return level(PERIOD_PARAMS.in(ctx), t);
  }

  /** The period the request asks for (its route declares {@link #PERIOD_PARAMS}). */
  public static Period period(Context ctx, Text t) {
    return period(PERIOD_PARAMS.in(ctx), t);
  }

  /**
   * The places side by side on the page of {@code indicator} under {@code filter}, in the
   * handle's transaction: the ranking when {@code subnational} (the indicator has figures for
   * provinces or cities), and the places the filter compares, named in {@code names}.
   */
  public static SideBySide read(Handle h, Indicator indicator, Filter filter, boolean subnational,
      Names names, Period period, String level) {
    Ranking ranking = subnational ? Ranking.read(h, indicator, period, level, SHOWN, 0, SHOWN) : null;
    Comparison comparison = null;
    if (filter.compares()) {
      List<Region> places = filter.regions().stream()
          .map(code -> names.regions().get(code)).toList();
      comparison = Comparison.read(h, indicator, filter, places);
    }
    return new SideBySide(ranking, period != null, level, comparison,
        sources(h, ranking, comparison));
  }

  /** The sources a ranking and a comparison cite, read in one query. */
  static Map<String, Source> sources(Handle h, Ranking ranking, Comparison comparison) {
    Set<String> ids = new LinkedHashSet<>();
    if (ranking != null) {
      ranking.ranked().forEach(r -> ids.add(r.figure().source()));
      ranking.projections().forEach(p -> ids.add(p.figure().source()));
      if (ranking.national() != null) {
        ids.add(ranking.national().figure().source());
      }
    }
    if (comparison != null) {
      comparison.all().forEach(o -> ids.add(o.source()));
    }
    Map<String, Source> sources = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      h.attach(DataStore.class).sources(ids).forEach(s -> sources.put(s.id(), s));
    }
    return sources;
  }
}
