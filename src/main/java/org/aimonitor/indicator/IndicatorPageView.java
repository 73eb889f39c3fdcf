package org.aimonitor.indicator;

import org.aimonitor.citation.Citation;
import org.aimonitor.citation.CitationFormat;
import org.aimonitor.citation.CitationText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.chart.ChartView;
import org.aimonitor.region.Filter;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.freshness.FreshnessView;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;
import org.aimonitor.region.SideBySide;
import org.aimonitor.region.SideBySideView;
import org.aimonitor.store.AsOf;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Source;
import org.aimonitor.updates.NewSince;
import org.aimonitor.updates.Notice;
import org.aimonitor.web.Paging;

/**
 * The page of one indicator: chart of the headline series, definition, every source's figure
 * per region and period, how to cite it, and links to the same data as CSV and JSON. Every
 * string is final display text in the page's language.
 *
 * @param name        the indicator's name in the page's language, likewise {@code unit} and
 *                    {@code definition}
 * @param other       the same three in the other language, shown beside them
 * @param chart       the chart, or {@code null} when the filter leaves nothing to draw: the
 *                    headline series of one place, or the places the filter compares
 * @param places      provinces and cities side by side (a ranking of one period) and the
 *                    comparison's choices; {@link SideBySideView#NONE} when there are none
 * @param groups      one group per (region, period) on this page: the headline figure first,
 *                    then the others
 * @param figureCount figures in the view, on all pages
 * @param pager       the pages of the figures table, or {@code null} when they fit on one
 * @param regionLinks "All regions" and each world or country region with figures, the current
 *                    one marked
 * @param regionOptions the region chooser's choices outside any group: "All regions", and the
 *                    view's own choice when no group holds it (a place without figures, the
 *                    places compared)
 * @param regionGroups the region chooser's places with figures, one group per level
 * @param moreChoices places with figures the chooser leaves out (reached by their code)
 * @param citation    the "How to cite" line as plain text
 * @param citationParts the same line in parts, so the template can mark code, link and
 *                    English publishers
 * @param freshness   when the latest figure was published and the next is expected, or
 *                    {@code null} for an indicator the freshness table does not know yet
 * @param dataLang    the {@code lang} of English-only data (notes, publishers) on this page:
 *                    {@code "en"} on Chinese pages, {@code null} where it is the page's language
 * @param newSince    the "new since your last visit" box, or {@code null} where not shown
 * @param marked      how many figures of this page are marked new or revised since that visit
 * @param vintage     the banner of a past view ({@code as_of}, {@code vintage=first}), or
 *                    {@code null} for today's
 */
public record IndicatorPageView(
    Indicator indicator,
    String name,
    String unit,
    String definition,
    OtherLanguage other,
    String categoryLabel,
    String stockOrFlow,
    Filter filter,
    String filterLabel,
    List<RegionLink> regionLinks,
    List<RegionLink> regionOptions,
    List<RegionGroup> regionGroups,
    long moreChoices,
    ChartView chart,
    SideBySideView places,
    List<Group> groups,
    long figureCount,
    Paging.Pager pager,
    String citation,
    List<CitePart> citationParts,
    String permalink,
    String csvUrl,
    String jsonUrl,
    String apiUrl,
    List<SourceNotes.Note> sources,
    FreshnessView freshness,
    long dataVersion,
    String dataLang,
    Notice newSince,
    long marked,
    Vintage vintage,
    List<CitationFormat.Link> citeFiles) {

  /**
   * A past view's banner: what it shows, what it leaves out, and the address of today's view
   * (the same filter); {@code kind} is {@code as_of} or {@code first}, {@code asOf} the day.
   */
  public record Vintage(String kind, String asOf, String banner, String notShown,
      String todayHref) {
  }

  /**
   * "as it stood at the end of 1 Dec 2026", "as first published here": what a download's read
   * me says of a vintage; null for today's data.
   */
  public static String vintageLabel(AsOf asOf, Text t) {
    return asOf.first() ? t.t("indicator.vintage.label.first")
        : asOf.asOf() != null ? t.t("indicator.vintage.label.as-of", t.date(asOf.asOf())) : null;
  }

  /** The indicator's name, unit and definition in the other language, with its html lang. */
  public record OtherLanguage(String lang, String name, String unit, String definition) {
  }

  /** A region choice: its code ("" for all), label, link, and whether it is the current one. */
  public record RegionLink(String code, String label, String href, boolean current) {
  }

  /** The region chooser's places of one level ("Provinces and municipalities"). */
  public record RegionGroup(String label, List<RegionLink> options) {
  }

  /** All figures for one region and period. */
  public record Group(String region, String regionLabel, String period, String periodLabel,
      List<Row> rows) {

    /** How many rows the region and period cells span. */
    public int size() {
      return rows.size();
    }
  }

  /**
   * One source's figure, as the table shows it; {@code mark} says "New" or "Revised" when
   * imports after the reader's last visit added or changed it ({@code markCode} {@code new} or
   * {@code revised}), else both are null.
   */
  public record Row(String figure, String qualifier, String qualifierCode, boolean headline,
      String note, String noteLang, int sourceNo, Source source, String date, String history,
      String mark, String markCode, Long id, String figureHref) {
  }

  /**
   * A piece of the citation: {@code text} in the page's language, {@code en} (an English
   * publisher's name), {@code code} (the indicator code) or {@code url} (the permalink).
   */
  public record CitePart(String kind, String text) {
  }

  /**
   * Builds the page in {@code t}'s language. {@code baseUrl} is the site's origin as the client
   * reached it (for the citation's link); {@code today} is the access date the citation names.
   */
  public static IndicatorPageView build(IndicatorData data, Paging paging, String baseUrl,
      LocalDate today, Text t) {
    return build(data, SideBySide.NONE, null, paging, baseUrl, today, NewSince.State.OFF, t);
  }

  /**
   * As {@link #build(IndicatorData, Paging, String, LocalDate, Text)}, with the places side by
   * side that {@code places} read in the same transaction (sources are numbered in page order:
   * the chart, the ranking, then the figures table), the indicator's {@code freshness} (null
   * where not shown), and the figures that are new or revised for a reader in state
   * {@code seen} marked, with the box that says how many.
   */
  public static IndicatorPageView build(IndicatorData data, SideBySide places,
      FreshnessView freshness, Paging paging, String baseUrl, LocalDate today,
      NewSince.State seen, Text t) {
    Indicator indicator = data.indicator();
    AsOf asOf = data.asOf();
    Map<String, Source> cited = new LinkedHashMap<>(data.rows().sources());
    places.sources().forEach(cited::putIfAbsent);
    SourceNotes notes = new SourceNotes(cited);
    ChartView headline = new IndicatorChart(data, notes, t).build().orElse(null);
    SideBySideView side = SideBySideView.build(places, indicator, data.filter(), data.names(),
        headline != null, notes, t);
    ChartView chart = data.filter().compares() ? side.comparison() : headline;

    Map<String, List<Row>> grouped = new LinkedHashMap<>();
    Map<String, Observation> firstOfGroup = new LinkedHashMap<>();
    for (Observation o : data.observations()) {
      String key = o.region() + "|" + o.period().code();
      firstOfGroup.putIfAbsent(key, o);
      Source source = data.rows().source(o.source());
      History history = data.rows().history(o);
      String mark = markCode(history, seen);
      grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(new Row(
          t.figure(indicator, o), t.qualifier(o.qualifier()), o.qualifier().code(), o.headline(),
          o.note(t.zh()), o.noteLang(t.zh()), notes.cite(o.source()), source, t.date(source),
          t.history(indicator, o, history), mark == null ? null : t.t("updates.mark." + mark), mark,
          history.id(), history.figureHref() == null ? null : history.figureHref() + asOf.query()));
    }
    List<Group> groups = new ArrayList<>();
    grouped.forEach((key, rows) -> {
      Observation first = firstOfGroup.get(key);
      groups.add(new Group(first.region(), data.names().region(first.region(), t), first.period().code(),
          t.period(indicator, first), rows));
    });

    String path = "/indicators/" + indicator.code();
    Filter filter = data.filter();
    List<RegionLink> regionLinks = new ArrayList<>();
    regionLinks.add(new RegionLink("", t.t("indicator.region.all"),
        path + asOf.keptOn(filter.withRegion(null).query()), filter.regions().isEmpty()));
    for (org.aimonitor.store.Region r : data.regions()) {
      regionLinks.add(new RegionLink(r.code(), data.names().region(r.code(), t),
          path + asOf.keptOn(filter.withRegion(r.code()).query()), r.code().equals(filter.region())));
    }
    List<RegionLink> regionOptions = new ArrayList<>(regionLinks.subList(0, 1));
    Map<String, List<RegionLink>> byLevel = new LinkedHashMap<>();
    for (org.aimonitor.store.Region r : data.choices()) {
      byLevel.computeIfAbsent(r.level(), k -> new ArrayList<>()).add(new RegionLink(r.code(),
          data.names().region(r.code(), t), path + asOf.keptOn(filter.withRegion(r.code()).query()),
          r.code().equals(filter.region())));
    }
    List<RegionGroup> regionGroups = new ArrayList<>();
    byLevel.forEach((level, options) -> regionGroups.add(
        new RegionGroup(t.t("places.level.plural." + level), options)));
    long moreChoices = Math.max(0, data.regions().size() + data.places() - data.choices().size());
    if (filter.region() != null && data.choices().stream().noneMatch(r -> r.code().equals(filter.region()))) {
      regionOptions.add(new RegionLink(filter.region(), data.names().region(filter.region(), t),
          path + asOf.keptOn(filter.query()), true));
    }
    if (filter.compares()) {
      regionOptions.add(new RegionLink(filter.regionParam(), filter.regions().stream()
          .map(r -> data.names().region(r, t)).collect(java.util.stream.Collectors.joining(
              t.t("list.separator"))), path + asOf.keptOn(filter.query()), true));
    }

    String view = asOf.keptOn(filter.query());
    String permalink = baseUrl + path + view;
    // Written by the one citation builder (citation/CitationText), as every "How to cite".
    List<CitationText.Part> howToCite = CitationText.view(Citation.ofView("aim-" + indicator.code(),
        t.lang(), t.name(indicator), t.t("site.name"), data.rows().dataVersion(), today, permalink),
        indicator.code(), filter.isEmpty() ? null : filter.describe(t, data.names()),
        // A past view names its day, as the reader saw the data: the permalink keeps it too.
        asOf.first() ? t.t("indicator.cite.first") : asOf.asOf() == null ? null
            : t.t("indicator.cite.as-of", t.lang() == Lang.EN ? asOf.asOf().toString() : t.date(asOf.asOf())),
        data.publishers(), Lang.EN.htmlLang());
    List<CitePart> parts = howToCite.stream().map(p -> new CitePart(switch (p.kind()) {
      case "publisher" -> "en";
      default -> p.kind();
    }, p.text())).toList();
    String citation = CitationText.plain(howToCite);

    Text otherText = Text.of(t.lang().other());
    OtherLanguage other = new OtherLanguage(t.lang().other().htmlLang(), otherText.name(indicator),
        otherText.unit(indicator), otherText.definition(indicator));

    return new IndicatorPageView(indicator, t.name(indicator), t.unit(indicator),
        t.definition(indicator), other, data.names().category(indicator.category(), t),
        t.t(indicator.isStock() ? "indicator.stock" : "indicator.flow"),
        filter, filter.describe(t, data.names()), regionLinks, regionOptions, regionGroups, moreChoices,
        chart, side, groups,
        data.total(), paging.pager(data.total(), p -> path + onPage(asOf.keptOn(filter.query()), p), t),
        citation, parts, permalink,
        path + ".csv" + view, path + ".json" + view,
        "/api/v1/indicators/" + indicator.code() + view,
        notes.notes(), freshness, data.rows().dataVersion(),
        t.lang() == Lang.EN ? null : Lang.EN.htmlLang(),
        notice(seen, groups, path + onPage(asOf.keptOn(filter.query()), paging.page()), t),
        marked(groups), vintage(asOf, path + filter.query(), t),
        CitationFormat.links(path, view, t));
  }

  /**
   * The citation files' citation of the view {@code data} shows, as its "How to cite" says it:
   * the indicator with the view's places and years and its day when it is a past view, this
   * dataset at its data version and the view's permalink, and the original sources of the
   * figures the page shows (its table's first page and its chart), in the page's order.
   */
  public static Citation fileCitation(IndicatorData data, AsOf asOf, String baseUrl,
      LocalDate today, Text t) {
    Indicator indicator = data.indicator();
    Filter filter = data.filter();
    String title = t.name(indicator);
    List<String> scope = new ArrayList<>();
    if (!filter.isEmpty()) {
      scope.add(filter.describe(t, data.names()));
    }
    String vintage = vintageLabel(asOf, t);
    if (vintage != null) {
      scope.add(vintage);
    }
    if (!scope.isEmpty()) {
      title = t.t("indicator.cite.file-title", title, String.join(t.t("list.separator"), scope));
    }
    List<Citation.Original> originals = new ArrayList<>();
    data.rows().sources().values().forEach(s -> originals.add(Citation.Original.of(s)));
    return new Citation("aim-" + indicator.code(), t.lang(), title, null, null, t.t("site.name"),
        data.rows().dataVersion(), null, today,
        baseUrl + "/indicators/" + indicator.code() + asOf.keptOn(filter.query()), originals);
  }

  /** {@code query} (a view's query string or "") on page {@code page}: the page number last. */
  private static String onPage(String query, int page) {
    return page == 1 ? query : query + (query.isEmpty() ? "?" : "&") + "page=" + page;
  }

  /** The banner of a past view, or null for today's. */
  private static Vintage vintage(AsOf asOf, String today, Text t) {
    if (!asOf.any()) {
      return null;
    }
    return new Vintage(asOf.first() ? "first" : "as_of",
        asOf.asOf() == null ? null : asOf.asOf().toString(),
        asOf.first() ? t.t("indicator.vintage.first")
            : t.t("indicator.vintage.as-of", t.date(asOf.asOf())),
        t.t("indicator.vintage.not-shown"), today);
  }

  private static long marked(List<Group> groups) {
    return groups.stream().flatMap(g -> g.rows().stream()).filter(r -> r.markCode() != null).count();
  }

  /** The "new since your last visit" box: how many figures of this page are marked. */
  private static Notice notice(NewSince.State seen, List<Group> groups, String back, Text t) {
    long marked = marked(groups);
    return Notice.of(seen, marked == 0 ? t.t("updates.new.on-page.none")
        : marked == 1 ? t.t("updates.new.on-page.one")
        : t.t("updates.new.on-page", t.count(marked)), marked > 0, back, t)
        .withLink("/updates", t.t("updates.new.see"));
  }

  /**
   * "new" when the figure was first recorded after the reader's last visit, "revised" when only
   * its current state was; null when neither (or the reader does not mark).
   */
  static String markCode(History history, NewSince.State seen) {
    if (!seen.isNew(history.importId())) {
      return null;
    }
    List<History.Revision> previous = history.previous();
    Long first = previous.isEmpty() ? history.importId() : previous.get(previous.size() - 1).importId();
    return seen.isNew(first) ? "new" : "revised";
  }

}
