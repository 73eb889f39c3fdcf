package org.aimonitor.region;

import java.util.ArrayList;
import java.util.List;
import org.aimonitor.chart.ChartView;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;

/**
 * Places side by side on an indicator page, as the page shows them: the comparison over time of
 * the places the reader chose (drawn in the page's chart section), how to choose them, and the
 * ranking of one period.
 *
 * @param ranking         the ranking, or null when no province or city has a figure
 * @param comparison      the comparison chart, or null (fewer than two places, or nothing to draw)
 * @param compares        whether the reader chose two or more places
 * @param chosen          the places chosen, each with a link that takes it out
 * @param compareValue    the places as the form's field writes them ("CN-BJ,CN-SH")
 * @param compareHidden   the view's other parameters, for the form's hidden fields
 * @param compareTopHref  the comparison of the (up to five) places ranked first, or null
 * @param compareTopCount how many places that is
 * @param leadWithPlaces  whether the page leads with the ranking: the indicator has no national
 *                        figure to chart and the reader chose no place
 */
public record SideBySideView(
    RankingView ranking,
    ChartView comparison,
    boolean compares,
    List<Chosen> chosen,
    String compareValue,
    List<RankingView.Hidden> compareHidden,
    String compareTopHref,
    int compareTopCount,
    boolean leadWithPlaces) {

  public static final SideBySideView NONE = new SideBySideView(null, null, false, List.of(), "",
      List.of(), null, 0, false);

  /** A place chosen for the comparison: its name, its page, and the view without it. */
  public record Chosen(String name, String href, String removeHref) {
  }

  /** Whether the page has anything to show about places side by side. */
  public boolean shown() {
    return ranking != null;
  }

  /**
   * The view of {@code s} in {@code t}'s language, citing into {@code notes}: the comparison
   * first (the page draws it at the top), then the ranking. {@code headline} is whether the page
   * draws a headline chart of its own.
   */
  public static SideBySideView build(SideBySide s, Indicator indicator, Filter filter,
      Names names, boolean headline, SourceNotes notes, Text t) {
    if (s.ranking() == null && s.comparison() == null) {
      return NONE;
    }
    ChartView comparison = s.comparison() == null ? null
        : ComparisonChart.build(s.comparison(), notes, t).orElse(null);
    String period = s.asked() && s.ranking() != null && s.ranking().period() != null
        ? s.ranking().period().code() : null;
    RankingView ranking = s.ranking() == null ? null
        : RankingView.build(s.ranking(), filter, s.asked(), s.level(), true, notes, t, null,
            s.sources());
    List<Chosen> chosen = new ArrayList<>();
    for (String code : filter.regions()) {
      List<String> rest = new ArrayList<>(filter.regions());
      rest.remove(code);
      chosen.add(new Chosen(names.region(code, t), PlaceListView.href(code),
          RankingView.pageHref(indicator.code(), filter.withRegions(rest), period, s.level())
              + "#series"));
    }
    List<RankingView.Hidden> hidden = new ArrayList<>();
    if (filter.from() != null) {
      hidden.add(new RankingView.Hidden("from", filter.from().toString()));
    }
    if (filter.to() != null) {
      hidden.add(new RankingView.Hidden("to", filter.to().toString()));
    }
    if (period != null) {
      hidden.add(new RankingView.Hidden(SideBySide.PERIOD, period));
    }
    if (s.level() != null) {
      hidden.add(new RankingView.Hidden(SideBySide.LEVEL, s.level()));
    }
    String top = null;
    int topCount = 0;
    if (s.ranking() != null && s.ranking().ranked().size() >= 2) {
      List<String> first = s.ranking().ranked().stream().limit(Filter.MAX_REGIONS)
          .map(r -> r.place().code()).toList();
      if (!first.equals(filter.regions())) {
        topCount = first.size();
        top = RankingView.pageHref(indicator.code(), filter.withRegions(first), period, s.level())
            + "#series";
      }
    }
    boolean lead = s.ranking() != null && !headline && filter.regions().isEmpty();
    return new SideBySideView(ranking, comparison, filter.compares(), chosen,
        filter.regionParam() == null ? "" : filter.regionParam(), hidden, top, topCount, lead);
  }
}
