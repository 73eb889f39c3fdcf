package org.aimonitor.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The reads that several features share, each returning just the rows asked for: views attach
 * it to the handle of their one read transaction. Nothing here reads a whole table. A feature's
 * own reads are in its {@code *Queries} interface; rows are mapped by the mappers
 * {@link Database} registers.
 */
public interface DataStore {

  /** The data version and the latest import, as this transaction sees them ({@link Database#VERSION}). */
  @SqlQuery(Database.VERSION)
  Database.Version version();

  /** The data version the page being read shows (its citation names it). */
  default long dataVersion() {
    return version().number();
  }

  @SqlQuery("SELECT " + Indicator.COLUMNS + " FROM " + Indicator.FROM + " WHERE i.code = :code")
  Optional<Indicator> indicator(@Bind("code") String code);

  @SqlQuery("SELECT " + Indicator.COLUMNS + " FROM " + Indicator.FROM
      + " WHERE i.code IN (<codes>) ORDER BY i.code")
  List<Indicator> indicators(@BindList(value = "codes", onEmpty = BindList.EmptyHandling.NULL_STRING)
      Collection<String> codes);

  /** Places by code, in their order (regions.csv). */
  @SqlQuery("SELECT code, name_en, name_zh, parent, level FROM region WHERE code IN (<codes>) ORDER BY id")
  List<Region> regions(@BindList(value = "codes", onEmpty = BindList.EmptyHandling.NULL_STRING)
      Collection<String> codes);

  @SqlQuery("SELECT code, name_en, name_zh, parent, level FROM region WHERE code = :code")
  Optional<Region> region(@Bind("code") String code);

  /** The first {@code limit} places in their order (regions.csv): what an error message lists. */
  @SqlQuery("SELECT code, name_en, name_zh, parent, level FROM region ORDER BY id LIMIT :limit")
  List<Region> firstRegions(@Bind("limit") int limit);

  /** Indicator categories by code, in their order (categories.csv). */
  @SqlQuery("SELECT code, name_en, name_zh FROM category WHERE code IN (<codes>) ORDER BY id")
  List<Term> categories(@BindList(value = "codes", onEmpty = BindList.EmptyHandling.NULL_STRING)
      Collection<String> codes);

  /** Source languages by code, in their order (languages.csv). */
  @SqlQuery("SELECT code, name_en, name_zh FROM language WHERE code IN (<codes>) ORDER BY id")
  List<Term> languages(@BindList(value = "codes", onEmpty = BindList.EmptyHandling.NULL_STRING)
      Collection<String> codes);

  @SqlQuery("SELECT * FROM source WHERE id IN (<ids>) ORDER BY id")
  List<Source> sources(@BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING)
      Collection<String> ids);

  /**
   * The states these observations had before imports replaced them, newest first: the cells of
   * each state as the revision keeps them (JSON objects of text), when and by which import it
   * had been recorded, and when and by which import it was replaced.
   */
  @SqlQuery("""
      SELECT observation_id, json_extract(old_values, '$.value') AS value,
             json_extract(old_values, '$.qualifier') AS qualifier,
             json_extract(old_values, '$.headline') = '1' AS headline,
             json_extract(old_values, '$.note') AS note,
             old_recorded_at AS recorded_at, old_import_id AS import_id, replaced_at,
             import_id AS replaced_by_import
      FROM revision WHERE observation_id IN (<ids>) ORDER BY id DESC
      """)
  List<Histories.Replaced> revisions(@BindList("ids") Collection<Long> observationIds);

  /**
   * The latest {@code limit} headline figures of an indicator in the place {@code filter} names,
   * within its years, newest first, through {@code observation_headline_series}: what a chart of
   * one place draws (an indicator page's chart, each place of a comparison).
   */
  @SqlQuery("""
      SELECT o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline, o.note,
             o.break_before, o.doubtful, o.note_zh
      FROM observation o
      WHERE o.indicator = :code <figureFilter> AND o.headline = 1
      ORDER BY o.period_end DESC, o.period_start DESC LIMIT :limit
      """)
  List<Observation> latestHeadlines(@Bind("code") String code,
      @FigureFilter.Bind FigureFilter filter, @Bind("limit") int limit);

  /** How many headline figures {@link #latestHeadlines} chooses from. */
  @SqlQuery("""
      SELECT count(*) FROM observation o
      WHERE o.indicator = :code <figureFilter> AND o.headline = 1
      """)
  long headlineCount(@Bind("code") String code, @FigureFilter.Bind FigureFilter filter);

  /** How many events there are (the overview's timeline and /timeline say so). */
  @SqlQuery("SELECT count(*) FROM event")
  long eventCount();

  @SqlQuery("SELECT count(*) FROM observation")
  int observationCount();
}
