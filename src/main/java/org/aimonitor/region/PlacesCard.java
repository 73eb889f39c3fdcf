package org.aimonitor.region;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Source;
import org.jdbi.v3.core.Handle;

/**
 * The overview's card on where the industry is: AI enterprises by province, the latest actual
 * figure of each of the {@link #PLACES} provinces and municipalities whose figures are the most
 * recent, each with its date and what it counts. Figures of different dates are listed in the
 * order of places and labelled with their dates, never ranked as if comparable; only when all
 * are for one period are they ranked. Its size is fixed: it never grows with the places.
 *
 * @param rows   the places, in the order shown
 * @param ranked whether the rows are ranked (all figures are for one period)
 * @param note   why they are (or are not) ranked
 */
public record PlacesCard(String title, List<Row> rows, boolean ranked, String note,
    String moreHref, String rankingHref) {

  /** The indicator the card shows. */
  public static final String INDICATOR = "ai_enterprises";
  /** Provinces and municipalities the card lists at most. */
  public static final int PLACES = 8;

  /** A province's latest figure: its name and page, the figure, its date, qualifier, source and note. */
  public record Row(String code, String place, String href, String figure, String period,
      String qualifier, String qualifierCode, int sourceNo, String note, String noteLang) {
  }

  /** What the card read: the indicator, each place's latest figure, and their sources. */
  public record Latest(Indicator indicator, List<Ranking.Placed> figures,
      Map<String, Source> sources) {
  }

  /**
   * The latest actual headline figure of each province or municipality, for the {@link #PLACES}
   * whose latest figure is the most recent, among figures of periods that end in {@code since}
   * (a year) or later, read in the handle's transaction: a walk down
   * {@code observation_by_period} from the newest period that stops at the last place listed.
   * Null when the indicator does not exist.
   */
  public static Latest read(Handle h, int since) {
    DataStore store = h.attach(DataStore.class);
    Indicator indicator = store.indicator(INDICATOR).orElse(null);
    if (indicator == null) {
      return null;
    }
    List<RegionQueries.Latest> read = h.attach(RegionQueries.class)
        .latestByProvince(INDICATOR, since * 12, PLACES);
    // Shown in the order of places (regions.csv), which is no ranking.
    List<Ranking.Placed> inOrder = read.stream()
        .sorted(Comparator.comparingLong(RegionQueries.Latest::placeOrder))
        .map(RegionQueries.Latest::placed).toList();
    Set<String> cited = new LinkedHashSet<>();
    inOrder.forEach(f -> cited.add(f.figure().source()));
    Map<String, Source> sources = new LinkedHashMap<>();
    if (!cited.isEmpty()) {
      store.sources(cited).forEach(s -> sources.put(s.id(), s));
    }
    return new Latest(indicator, inOrder, sources);
  }

  /** The card in {@code t}'s language, citing into {@code notes}; null when nothing to show. */
  public static PlacesCard build(Latest latest, SourceNotes notes, Text t) {
    if (latest == null || latest.figures().isEmpty()) {
      return null;
    }
    Indicator indicator = latest.indicator();
    List<Ranking.Placed> figures = latest.figures();
    boolean onePeriod = figures.stream().map(f -> f.figure().period().code()).distinct().count() == 1;
    if (onePeriod) {
      figures = figures.stream()
          .sorted(Comparator.comparing((Ranking.Placed f) -> f.figure().value()).reversed())
          .toList();
    }
    List<Row> rows = figures.stream().map(f -> new Row(f.place().code(),
        t.zh() ? f.place().nameZh() : f.place().nameEn(), PlaceListView.href(f.place().code()),
        t.figure(indicator, f.figure()), t.period(indicator, f.figure()),
        t.qualifier(f.figure().qualifier()), f.figure().qualifier().code(),
        notes.cite(f.figure().source()), f.figure().note(t.zh()), f.figure().noteLang(t.zh())))
        .toList();
    String note = onePeriod
        ? t.t("overview.places.ranked", rows.get(0).period())
        : t.t("overview.places.unranked");
    return new PlacesCard(t.t("overview.places.title"), rows, onePeriod, note, "/regions",
        "/indicators/" + INDICATOR + "#places");
  }
}
