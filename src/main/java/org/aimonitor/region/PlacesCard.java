package org.aimonitor.region;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.format.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Region;
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
      String qualifier, String qualifierCode, int sourceNo, String note) {
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
    record Read(Ranking.Placed placed, long order) {
    }
    List<Read> read = h.createQuery("""
            SELECT o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline,
                   o.note, r.code, r.name_en, r.name_zh, r.parent, r.level, r.id AS place_order
            FROM observation o JOIN region r ON r.code = o.region
            WHERE o.indicator = :code AND o.headline = 1 AND o.period_end >= :since
              AND r.level = 'province' AND o.qualifier NOT IN ('forecast', 'target')
              AND NOT EXISTS (SELECT 1 FROM observation n
                WHERE n.indicator = o.indicator AND n.region = o.region AND n.headline = 1
                  AND n.qualifier NOT IN ('forecast', 'target')
                  AND (n.period_end > o.period_end
                    OR (n.period_end = o.period_end AND n.period_start > o.period_start)))
            ORDER BY o.period_end DESC, o.period_start DESC, r.id
            LIMIT :places
            """)
        .bind("code", INDICATOR).bind("since", since * 12).bind("places", PLACES)
        .map((rs, ctx) -> new Read(new Ranking.Placed(new Region(rs.getString("code"),
            rs.getString("name_en"), rs.getString("name_zh"), rs.getString("parent"),
            rs.getString("level")), new Observation(rs.getString("indicator"),
            rs.getString("region"), Period.parse(rs.getString("period")),
            new BigDecimal(rs.getString("value")), Qualifier.parse(rs.getString("qualifier")),
            rs.getString("source"), rs.getInt("headline") == 1, rs.getString("note"))),
            rs.getLong("place_order")))
        .list();
    // Shown in the order of places (regions.csv), which is no ranking.
    List<Ranking.Placed> inOrder = read.stream().sorted(Comparator.comparingLong(Read::order))
        .map(Read::placed).toList();
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
        notes.cite(f.figure().source()), f.figure().note())).toList();
    String note = onePeriod
        ? t.t("overview.places.ranked", rows.get(0).period())
        : t.t("overview.places.unranked");
    return new PlacesCard(t.t("overview.places.title"), rows, onePeriod, note, "/regions",
        "/indicators/" + INDICATOR + "#places");
  }
}
