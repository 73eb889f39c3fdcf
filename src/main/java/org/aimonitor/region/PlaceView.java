package org.aimonitor.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Histories;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Region;
import org.aimonitor.store.Source;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * {@code /regions/{code}}: one place, where it sits (the places above it, the places within it
 * that have figures), its indicators with their latest headline figures, and every figure for
 * it by indicator with its source and note, a page of {@link #PAGE_SIZE} at a time. Every
 * string is final display text in the page's language.
 *
 * @param rule       why the place's figures are never added up, for its level
 * @param indicators its first {@link #INDICATORS_SHOWN} indicators with their latest headline
 * @param groups     this page of figures, by indicator
 */
public record PlaceView(
    Region place,
    String name,
    String otherName,
    String otherLang,
    String levelLabel,
    List<Link> ancestors,
    Link parent,
    List<Link> children,
    long childCount,
    String childrenHref,
    long figureCount,
    long indicatorCount,
    String rule,
    List<IndicatorRow> indicators,
    long moreIndicators,
    List<IndicatorGroup> groups,
    Paging.Pager pager,
    List<SourceNotes.Note> sources,
    String apiUrl,
    long dataVersion,
    String dataLang) {

  public static final int PAGE_SIZE = 100;
  /** Places within this one named on its page; the list of places has them all. */
  static final int CHILDREN_SHOWN = 30;
  /** Indicators summarised at the top of the page; the figures table has every figure. */
  static final int INDICATORS_SHOWN = 50;

  /** A place or page named and linked. */
  public record Link(String label, String href) {
  }

  /**
   * An indicator the place has figures for: how many, the latest headline figure (with its
   * period, qualifier and source), the indicator page in this place, and, for a province or a
   * city, the places ranked side by side in the period of that figure.
   */
  public record IndicatorRow(String name, String href, String unit, long figures, String latest,
      String latestPeriod, String qualifier, String qualifierCode, Integer sourceNo,
      String rankingHref) {
  }

  /** The figures of one indicator on this page. */
  public record IndicatorGroup(String code, String name, String href, String unit,
      List<FigureRow> rows) {

    public int size() {
      return rows.size();
    }
  }

  /** One source's figure for the place. */
  public record FigureRow(String period, String figure, String qualifier, String qualifierCode,
      boolean headline, int sourceNo, Source source, String date, String note, String noteLang,
      String history) {
  }

  /**
   * The page {@code paging} of place {@code code}, read in the handle's transaction.
   *
   * @throws HttpProblem 404 in {@code t}'s language for an unknown place or a page past the end
   */
  static PlaceView build(Handle h, String code, Paging paging, Text t) {
    RegionQueries queries = h.attach(RegionQueries.class);
    DataStore store = h.attach(DataStore.class);
    RegionQueries.Counted counted = queries.place(code).orElseThrow(() -> HttpProblem.said(404,
        t.t("places.error.not-found.title"), t.t("places.error.not-found", code)));
    paging.check(counted.figures(), t);
    Region place = counted.region();
    List<Region> above = ancestors(store, place);
    List<Region> within = queries.children(code, CHILDREN_SHOWN);
    List<IndicatorCount> summary = indicators(queries, code, INDICATORS_SHOWN);
    List<Keyset.Keyed<Histories.Recorded>> figures = queries.figures(code,
        RegionQueries.FIGURE_ORDER.first(), paging.size(), paging.offset());

    Set<String> indicatorCodes = new LinkedHashSet<>();
    summary.forEach(s -> indicatorCodes.add(s.indicator()));
    figures.forEach(f -> indicatorCodes.add(f.row().observation().indicator()));
    Map<String, Indicator> indicators = indicatorsByCode(store, indicatorCodes);
    Set<String> cited = new LinkedHashSet<>();
    summary.stream().filter(s -> s.latest() != null)
        .forEach(s -> cited.add(s.latest().observation().source()));
    figures.forEach(f -> cited.add(f.row().observation().source()));
    Map<String, Source> sources = new LinkedHashMap<>();
    store.sources(cited).forEach(s -> sources.put(s.id(), s));
    SourceNotes notes = new SourceNotes(sources);
    Map<String, History> histories = Histories.of(h,
        figures.stream().map(Keyset.Keyed::row).toList());

    boolean subnational = place.isSubnational();
    List<IndicatorRow> rows = new ArrayList<>();
    for (IndicatorCount s : summary) {
      Indicator i = indicators.get(s.indicator());
      Observation latest = s.latest() == null ? null : s.latest().observation();
      rows.add(new IndicatorRow(t.name(i), "/indicators/" + i.code() + "?region=" + code, t.unit(i),
          s.figures(), latest == null ? null : t.figure(i, latest),
          latest == null ? null : t.period(i, latest),
          latest == null ? null : t.qualifier(latest.qualifier()),
          latest == null ? null : latest.qualifier().code(),
          latest == null ? null : notes.cite(latest.source()),
          subnational && latest != null
              ? RankingView.indicatorHref(i.code(), latest.period().code(), place.level()) : null));
    }

    List<IndicatorGroup> groups = new ArrayList<>();
    IndicatorGroup current = null;
    for (Keyset.Keyed<Histories.Recorded> f : figures) {
      Observation o = f.row().observation();
      Indicator i = indicators.get(o.indicator());
      if (current == null || !current.code().equals(i.code())) {
        current = new IndicatorGroup(i.code(), t.name(i), "/indicators/" + i.code() + "?region=" + code,
            t.unit(i), new ArrayList<>());
        groups.add(current);
      }
      Source source = sources.get(o.source());
      History history = histories.getOrDefault(History.key(o), History.UNKNOWN);
      current.rows().add(new FigureRow(t.period(i, o), t.figure(i, o),
          t.qualifier(o.qualifier()), o.qualifier().code(), o.headline(), notes.cite(o.source()),
          source, t.date(source), o.note(t.zh()), o.noteLang(t.zh()), t.history(i, o, history)));
    }

    Names names = Names.ofRegions(above);
    String name = t.zh() ? place.nameZh() : place.nameEn();
    List<Link> ancestors = above.stream()
        .map(r -> new Link(names.region(r.code(), t), PlaceListView.href(r.code()))).toList();
    Link parent = above.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    List<Link> children = within.stream()
        .map(r -> new Link(t.zh() ? r.nameZh() : r.nameEn(), PlaceListView.href(r.code()))).toList();
    String href = "/regions/" + code;
    long version = store.dataVersion();
    return new PlaceView(place, name, t.zh() ? place.nameEn() : place.nameZh(),
        t.lang().other().htmlLang(), t.t("places.level." + place.level()), ancestors, parent,
        children, counted.children(), "/regions" + new PlaceFilter(null, code).query(1),
        counted.figures(), counted.indicators(), rule(t, place, above, name),
        rows, Math.max(0, counted.indicators() - rows.size()), groups,
        paging.pager(counted.figures(), p -> href + (p == 1 ? "" : "?page=" + p), t),
        notes.notes(), "/api/v1/regions/" + code, version,
        t.lang() == Lang.EN ? null : Lang.EN.htmlLang());
  }

  /** One of a place's indicators: how many figures it has there and its latest headline. */
  record IndicatorCount(String indicator, long figures, Histories.Recorded latest) {
  }

  /** The places above {@code place}, the top first (the world, a country, a province). */
  private static List<Region> ancestors(DataStore store, Region place) {
    List<Region> up = new ArrayList<>();
    String parent = place.parent();
    // The levels form a tree of at most four (world, country, province, city).
    while (parent != null && up.size() < Region.LEVELS.size()) {
      Optional<Region> r = store.region(parent);
      if (r.isEmpty()) {
        break;
      }
      up.add(0, r.get());
      parent = r.get().parent();
    }
    return up;
  }

  /**
   * The first {@code limit} indicators with figures for the place, in list order (category,
   * code), each with how many figures it has there and its latest headline figure.
   */
  private static List<IndicatorCount> indicators(RegionQueries queries, String code, int limit) {
    return queries.indicators(code, limit).stream()
        .map(c -> new IndicatorCount(c.indicator(), c.figures(),
            queries.latestHeadline(code, c.indicator()).orElse(null)))
        .toList();
  }

  /** The indicators of these codes, by code. */
  static Map<String, Indicator> indicatorsByCode(DataStore store, Collection<String> codes) {
    Map<String, Indicator> out = new LinkedHashMap<>();
    if (!codes.isEmpty()) {
      store.indicators(codes).forEach(i -> out.put(i.code(), i));
    }
    return out;
  }

  /** Why this place's figures stand alone: never a sum of the places within it, nor a part of a sum. */
  private static String rule(Text t, Region place, List<Region> above, String name) {
    String country = above.stream().filter(r -> r.level().equals("country"))
        .map(r -> t.zh() ? r.nameZh() : r.nameEn()).findFirst().orElse(t.t("places.rule.the-country"));
    return switch (place.level()) {
      case "world" -> t.t("places.rule.world");
      case "country" -> t.t("places.rule.country", name);
      case "province" -> t.t("places.rule.province", name, country);
      default -> t.t("places.rule.city", name, above.isEmpty() ? country
          : (t.zh() ? above.get(above.size() - 1).nameZh() : above.get(above.size() - 1).nameEn()),
          country);
    };
  }
}
