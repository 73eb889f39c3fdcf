package org.aimonitor.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The reads that several views share, each returning just the rows asked for: views attach it
 * to the handle of their one read transaction. Nothing here reads a whole table.
 */
@RegisterConstructorMapper(Source.class)
@RegisterConstructorMapper(Observation.class)
@RegisterConstructorMapper(Event.class)
@RegisterConstructorMapper(Region.class)
@RegisterConstructorMapper(Term.class)
public interface DataStore {

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
   * The headline series of some indicators in some regions, with the targets that are not the
   * headline of their period (the overview draws plan targets beside actuals), oldest first:
   * periods that end at month number {@code since} (year * 12 + month - 1) or later.
   */
  @SqlQuery("""
      SELECT indicator, region, period, value, qualifier, source, headline, note
      FROM observation
      WHERE indicator IN (<indicators>) AND region IN (<regions>)
        AND (headline = 1 OR qualifier = 'target') AND period_end >= :since
      ORDER BY indicator, region, period_end, period_start, id
      """)
  List<Observation> series(@BindList("indicators") Collection<String> indicators,
      @BindList("regions") Collection<String> regions, @Bind("since") int since);

  /** Which of those indicators also have headline figures that end before {@code since}. */
  @SqlQuery("""
      SELECT DISTINCT indicator FROM observation
      WHERE indicator IN (<indicators>) AND region IN (<regions>) AND headline = 1
        AND period_end < :since
      """)
  List<String> seriesBefore(@BindList("indicators") Collection<String> indicators,
      @BindList("regions") Collection<String> regions, @Bind("since") int since);

  /** The {@code limit} newest events, oldest of them first. */
  @SqlQuery("""
      SELECT date, category, title_en, title_zh, description_en, source FROM (
        SELECT id, date, category, title_en, title_zh, description_en, source FROM event
        ORDER BY date DESC, id DESC LIMIT :limit)
      ORDER BY date, id
      """)
  List<Event> newestEvents(@Bind("limit") int limit);

  /** The {@code limit} newest events of {@code category}, oldest of them first. */
  @SqlQuery("""
      SELECT date, category, title_en, title_zh, description_en, source FROM (
        SELECT id, date, category, title_en, title_zh, description_en, source FROM event
        WHERE category = :category ORDER BY date DESC, id DESC LIMIT :limit)
      ORDER BY date, id
      """)
  List<Event> newestEvents(@Bind("category") String category, @Bind("limit") int limit);

  @SqlQuery("SELECT count(*) FROM event")
  long eventCount();

  @SqlQuery("SELECT count(*) FROM event WHERE category = :category")
  long eventCount(@Bind("category") String category);

  @SqlQuery("SELECT count(*) FROM observation")
  int observationCount();

  @SqlQuery("SELECT version FROM data_version WHERE id = 1")
  long dataVersion();
}
