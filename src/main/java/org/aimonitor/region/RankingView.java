package org.aimonitor.region;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aimonitor.chart.ChartView;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Region;
import org.aimonitor.store.Source;
import org.aimonitor.web.Paging;

/**
 * A ranking as a page shows it: the period and why it is the one shown, the bar chart of the
 * top places (on the indicator page), the table of ranked places with each figure's qualifier,
 * source and note, the forecasts and targets of the period apart, the national figure of the
 * same period beside them (never their sum), the other periods to choose from, and links that
 * add a place to the comparison over time. Every string is final display text.
 *
 * @param chart      the bar chart, or null (nothing ranked, or the full-ranking page)
 * @param barsClass  the chart box's height class, by the number of bars
 * @param rows       the ranked places shown
 * @param total      ranked places in the period
 * @param fullHref   the full ranking, when the rows shown are not all of them; else null
 * @param national   the national figure of the period, or null
 * @param emptyText  why nothing is ranked, or null
 * @param hidden     the view's other parameters, for the forms' hidden fields
 */
public record RankingView(
    String indicatorCode,
    String period,
    String periodLabel,
    String ruleText,
    ChartView chart,
    String barsClass,
    List<Row> rows,
    long total,
    String fullHref,
    List<Row> projections,
    long moreProjections,
    Row national,
    List<PeriodLink> periods,
    long morePeriods,
    String emptyText,
    List<Hidden> hidden,
    Paging.Pager pager) {

  /** A place's figure in the table; {@code rank} is empty for figures that are not ranked. */
  public record Row(String rank, String code, String place, String href, String level,
      String figure, String qualifier, String qualifierCode, int sourceNo, Source source,
      String date, String note, String noteLang, String compareHref, boolean chosen) {
  }

  /** A period to rank: its label, how many places have figures, and its link. */
  public record PeriodLink(String label, String count, String href, boolean current) {
  }

  /** A form's hidden field. */
  public record Hidden(String name, String value) {
  }

  /**
   * The view of {@code r}. {@code filter} is the indicator page's view (its places are the ones
   * compared), {@code asked} whether {@code period=} named the period; {@code indicatorPage}
   * whether it is the indicator page's ranking (with the chart and links to the full ranking)
   * rather than the full ranking, whose {@code pager} it is (null: one page).
   */
  static RankingView build(Ranking r, Filter filter, boolean asked, boolean indicatorPage,
      SourceNotes notes, Text t, Paging.Pager pager, Map<String, Source> sources) {
    Indicator indicator = r.indicator();
    String code = indicator.code();
    String periodCode = r.period() == null ? null : r.period().code();
    String keptPeriod = asked ? periodCode : null;
    ChartView drawn = indicatorPage ? RankingChart.build(r, notes, t).orElse(null) : null;
    List<Row> rows = new ArrayList<>();
    for (Ranking.Ranked ranked : r.ranked()) {
      rows.add(row(t.count(ranked.rank()), ranked.place(), ranked.figure(), indicator, filter,
          keptPeriod, notes, sources, t));
    }
    List<Row> projections = new ArrayList<>();
    for (Ranking.Placed p : r.projections()) {
      projections.add(row("", p.place(), p.figure(), indicator, filter, keptPeriod, notes, sources, t));
    }
    Row national = r.national() == null ? null : row("", r.national().place(),
        r.national().figure(), indicator, filter, keptPeriod, notes, sources, t);
    List<PeriodLink> periods = r.periods().stream().map(p -> new PeriodLink(
        periodLabel(t, indicator, p.period()),
        p.projections() == 0 ? t.t("places.ranking.period-count", t.count(p.actuals()))
            : p.actuals() == 0 ? t.t("places.ranking.period-count-only-projections",
                t.count(p.projections()))
            : t.t("places.ranking.period-count-projections", t.count(p.actuals()),
                t.count(p.projections())),
        indicatorPage ? pageHref(code, filter, p.period().code()) + "#places"
            : rankingHref(code, p.period().code(), 1),
        p.period().code().equals(periodCode))).toList();
    String label = r.period() == null ? null : periodLabel(t, indicator, r.period());
    String empty = null;
    if (r.period() != null && r.ranked().isEmpty()) {
      empty = r.projectionCount() > 0 ? t.t("places.ranking.empty-projections", label)
          : r.periods().isEmpty() ? t.t("places.ranking.none")
          : t.t("places.ranking.empty", label);
    }
    List<Hidden> hidden = new ArrayList<>();
    if (indicatorPage) {
      if (filter.regionParam() != null) {
        hidden.add(new Hidden("region", filter.regionParam()));
      }
      if (filter.from() != null) {
        hidden.add(new Hidden("from", filter.from().toString()));
      }
      if (filter.to() != null) {
        hidden.add(new Hidden("to", filter.to().toString()));
      }
    }
    return new RankingView(code, periodCode, label,
        t.t("places.ranking.rule." + r.rule().name().toLowerCase(java.util.Locale.ROOT)),
        drawn, barsClass(drawn == null ? 0 : drawn.spec().x().labels().size()), rows, r.total(),
        indicatorPage && r.total() > rows.size() ? rankingHref(code, periodCode, 1) : null,
        projections, Math.max(0, r.projectionCount() - projections.size()), national, periods,
        Math.max(0, r.periodCount() - periods.size()), empty, hidden, pager);
  }

  private static Row row(String rank, Region place, Observation o, Indicator indicator,
      Filter filter, String period, SourceNotes notes, Map<String, Source> sources, Text t) {
    List<String> chosen = filter.regions();
    boolean isChosen = chosen.contains(place.code());
    String compare = null;
    if (!isChosen && chosen.size() < Filter.MAX_REGIONS) {
      List<String> more = new ArrayList<>(chosen);
      more.add(place.code());
      compare = pageHref(indicator.code(), filter.withRegions(more), period) + "#series";
    }
    Source source = sources.get(o.source());
    return new Row(rank, place.code(), t.zh() ? place.nameZh() : place.nameEn(),
        PlaceListView.href(place.code()), t.t("places.level." + place.level()), t.figure(indicator, o),
        t.qualifier(o.qualifier()), o.qualifier().code(), notes.cite(o.source()), source,
        t.date(source), o.note(t.zh()), o.noteLang(t.zh()), compare, isChosen);
  }

  /** The period as the indicator's pages write it: the end of it for stocks. */
  static String periodLabel(Text t, Indicator indicator, Period p) {
    return indicator.isStock() ? t.periodEnd(p) : t.period(p);
  }

  /** The chart box's height class: enough room for every row's label. */
  static String barsClass(int bars) {
    return bars <= 6 ? "chart__box--bars-6" : bars <= 12 ? "chart__box--bars-12"
        : bars <= 18 ? "chart__box--bars-18" : "chart__box--bars-25";
  }

  /** The indicator page's ranking of {@code period}. */
  static String indicatorHref(String code, String period) {
    return "/indicators/" + code + "?period=" + encode(period) + "#places";
  }

  /** The indicator page with {@code filter}'s places and years and the ranking of {@code period} (or the default). */
  static String pageHref(String code, Filter filter, String period) {
    String q = filter.query();
    if (period != null) {
      q += (q.isEmpty() ? "?" : "&") + "period=" + encode(period);
    }
    return "/indicators/" + code + q;
  }

  /** The full ranking of {@code period}, page {@code page}. */
  static String rankingHref(String code, String period, int page) {
    return "/indicators/" + code + "/ranking?period=" + encode(period) + (page > 1 ? "&page=" + page : "");
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
