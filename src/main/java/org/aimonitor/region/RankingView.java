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
 * @param levels     the levels that can be ranked (provinces, cities), the current one marked
 * @param weakKey    what the weak-source mark means, or null when no row shown has one
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
    Paging.Pager pager,
    List<LevelLink> levels,
    String weakKey) {

  /** Reliabilities of sources whose figures carry the weak-source mark. */
  public static final java.util.Set<String> WEAK = java.util.Set.of("secondary", "low");

  /** A place's figure in the table; {@code rank} is empty for figures that are not ranked. */
  public record Row(String rank, String code, String place, String href, String level,
      String figure, String qualifier, String qualifierCode, int sourceNo, Source source,
      String date, String note, String noteLang, String compareHref, boolean chosen, boolean weak) {
  }

  /** A level to rank ("Cities"): its link, and whether it is the one ranked. */
  public record LevelLink(String label, String href, boolean current) {
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
  static RankingView build(Ranking r, Filter filter, boolean asked, String askedLevel,
      boolean indicatorPage, SourceNotes notes, Text t, Paging.Pager pager,
      Map<String, Source> sources) {
    Indicator indicator = r.indicator();
    String code = indicator.code();
    String periodCode = r.period() == null ? null : r.period().code();
    String keptPeriod = asked ? periodCode : null;
    String level = askedLevel;
    ChartView drawn = indicatorPage ? RankingChart.build(r, notes, t).orElse(null) : null;
    List<Row> rows = new ArrayList<>();
    for (Ranking.Ranked ranked : r.ranked()) {
      rows.add(row(t.count(ranked.rank()), ranked.place(), ranked.figure(), indicator, filter,
          keptPeriod, level, notes, sources, t));
    }
    List<Row> projections = new ArrayList<>();
    for (Ranking.Placed p : r.projections()) {
      projections.add(row("", p.place(), p.figure(), indicator, filter, keptPeriod, level, notes,
          sources, t));
    }
    Row national = r.national() == null ? null : row("", r.national().place(),
        r.national().figure(), indicator, filter, keptPeriod, level, notes, sources, t);
    List<PeriodLink> periods = r.periods().stream().map(p -> new PeriodLink(
        periodLabel(t, indicator, p.period()),
        p.projections() == 0 ? t.t("places.ranking.period-count", t.count(p.actuals()))
            : p.actuals() == 0 ? t.t("places.ranking.period-count-only-projections",
                t.count(p.projections()))
            : t.t("places.ranking.period-count-projections", t.count(p.actuals()),
                t.count(p.projections())),
        indicatorPage ? pageHref(code, filter, p.period().code(), level) + "#places"
            : rankingHref(code, p.period().code(), level, 1),
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
    if (level != null) {
      hidden.add(new Hidden(SideBySide.LEVEL, level));
    }
    List<LevelLink> levels = r.levels().stream().map(l -> new LevelLink(
        t.t("places.level.plural." + l.level()),
        indicatorPage ? pageHref(code, filter, null, l.level()) + "#places"
            : rankingHref(code, null, l.level(), 1),
        l.level().equals(r.level()))).toList();
    boolean weak = rows.stream().anyMatch(Row::weak) || projections.stream().anyMatch(Row::weak);
    return new RankingView(code, periodCode, label,
        t.t("places.ranking.rule." + r.rule().name().toLowerCase(java.util.Locale.ROOT)),
        drawn, barsClass(drawn == null ? 0 : drawn.spec().x().labels().size()), rows, r.total(),
        indicatorPage && r.total() > rows.size() ? rankingHref(code, periodCode, r.level(), 1) : null,
        projections, Math.max(0, r.projectionCount() - projections.size()), national, periods,
        Math.max(0, r.periodCount() - periods.size()), empty, hidden, pager,
        levels.size() > 1 || level != null ? levels : List.of(),
        weak ? t.t("places.ranking.weak-key", t.t("places.ranking.weak-mark")) : null);
  }

  private static Row row(String rank, Region place, Observation o, Indicator indicator,
      Filter filter, String period, String level, SourceNotes notes, Map<String, Source> sources,
      Text t) {
    List<String> chosen = filter.regions();
    boolean isChosen = chosen.contains(place.code());
    String compare = null;
    if (!isChosen && chosen.size() < Filter.MAX_REGIONS) {
      List<String> more = new ArrayList<>(chosen);
      more.add(place.code());
      compare = pageHref(indicator.code(), filter.withRegions(more), period, level) + "#series";
    }
    Source source = sources.get(o.source());
    return new Row(rank, place.code(), t.zh() ? place.nameZh() : place.nameEn(),
        PlaceListView.href(place.code()), t.t("places.level." + place.level()), t.figure(indicator, o),
        t.qualifier(o.qualifier()), o.qualifier().code(), notes.cite(o.source()), source,
        t.date(source), o.note(t.zh()), o.noteLang(t.zh()), compare, isChosen,
        source != null && WEAK.contains(source.reliability()));
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

  /** The indicator page's ranking of {@code period} among the places of {@code level}. */
  static String indicatorHref(String code, String period, String level) {
    return "/indicators/" + code + "?period=" + encode(period) + "&" + SideBySide.LEVEL + "=" + level
        + "#places";
  }

  /**
   * The indicator page with {@code filter}'s places and years and the ranking of {@code period}
   * at {@code level} (either null: the default).
   */
  static String pageHref(String code, Filter filter, String period, String level) {
    String q = filter.query();
    if (period != null) {
      q += (q.isEmpty() ? "?" : "&") + SideBySide.PERIOD + "=" + encode(period);
    }
    if (level != null) {
      q += (q.isEmpty() ? "?" : "&") + SideBySide.LEVEL + "=" + level;
    }
    return "/indicators/" + code + q;
  }

  /** The full ranking of {@code period} at {@code level} (either null: the default), page {@code page}. */
  static String rankingHref(String code, String period, String level, int page) {
    StringBuilder q = new StringBuilder();
    if (period != null) {
      q.append("?").append(SideBySide.PERIOD).append("=").append(encode(period));
    }
    if (level != null) {
      q.append(q.length() == 0 ? "?" : "&").append(SideBySide.LEVEL).append("=").append(level);
    }
    if (page > 1) {
      q.append(q.length() == 0 ? "?" : "&").append("page=").append(page);
    }
    return "/indicators/" + code + "/ranking" + q;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
