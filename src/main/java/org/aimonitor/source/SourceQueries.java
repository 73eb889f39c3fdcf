package org.aimonitor.source;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Source;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What {@code /sources} and {@code /sources/{id}} read: a page of sources with what each backs,
 * one source's page of figures and its events. Counts go through the {@code observation_by_source}
 * and {@code event_by_source} indexes, so a source costs what it backs.
 */
@RegisterConstructorMapper(SourceQueries.Backing.class)
@RegisterConstructorMapper(SourceQueries.Backed.class)
@RegisterConstructorMapper(SourceQueries.EventTitle.class)
@RegisterConstructorMapper(SourceQueries.IndicatorBacked.class)
public interface SourceQueries {

  /** A source with how many figures, indicators and events it backs. */
  record Backing(@Nested Source source, long figures, long indicators, long events) {
  }

  /** A figure a source backs, with its indicator. */
  record Backed(@Nested Indicator indicator, @Nested Observation figure) {
  }

  /** An event a source backs: its date and titles. */
  record EventTitle(PartialDate date, String titleEn, String titleZh) {
  }

  /** An indicator a source backs, with how many of its figures come from the source. */
  record IndicatorBacked(String source, String code, String nameEn, String nameZh, long figures) {
  }

  /** What a source backs, for the register and the source's own page. */
  String BACKING = """
      (SELECT count(*) FROM observation o WHERE o.source = s.id) AS figures,
      (SELECT count(DISTINCT o.indicator) FROM observation o WHERE o.source = s.id) AS indicators,
      (SELECT count(*) FROM event e WHERE e.source = s.id) AS events
      """;

  @SqlQuery("SELECT count(*) FROM source")
  long count();

  /** A page of the register, in publisher order (source_by_publisher). */
  @SqlQuery("SELECT s.*, " + BACKING + """
      FROM source s
      ORDER BY s.publisher COLLATE NOCASE, s.id
      LIMIT :limit OFFSET :offset
      """)
  List<Backing> page(@Bind("limit") int limit, @Bind("offset") long offset);

  /** How many sources have each reliability level. */
  @SqlQuery("SELECT reliability, count(*) AS n FROM source GROUP BY reliability")
  @KeyColumn("reliability")
  @ValueColumn("n")
  Map<String, Long> countsByReliability();

  /** One source with what it backs. */
  @SqlQuery("SELECT s.*, " + BACKING + "FROM source s WHERE s.id = :id")
  Optional<Backing> source(@Bind("id") String id);

  /**
   * The indicators these sources back, each with how many of its figures come from the
   * source, by source and then in category order: one query for a page of sources.
   */
  @SqlQuery("""
      SELECT b.source, i.code, i.name_en, i.name_zh, b.n AS figures FROM (
        SELECT source, indicator, count(*) AS n FROM observation
        WHERE source IN (<sources>) GROUP BY source, indicator) b
      JOIN indicator i ON i.code = b.indicator JOIN category c ON c.code = i.category
      ORDER BY b.source, c.id, i.code
      """)
  List<IndicatorBacked> indicatorsBacked(@BindList("sources") Collection<String> sources);

  /** A page of the figures a source backs, by indicator, place and period (observation_by_source). */
  @SqlQuery("SELECT o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline,"
      + " o.note, o.break_before, o.doubtful, o.note_zh, " + Indicator.COLUMNS + """

      FROM observation o JOIN indicator i ON i.code = o.indicator JOIN unit u ON u.code = i.unit
        JOIN region r ON r.code = o.region
      WHERE o.source = :id
      ORDER BY o.indicator, r.id, o.period_end, o.period_start, o.id
      LIMIT :limit OFFSET :offset
      """)
  List<Backed> figures(@Bind("id") String id, @Bind("limit") int limit,
      @Bind("offset") long offset);

  /** The first {@code limit} events a source backs, oldest first (event_by_source). */
  @SqlQuery("""
      SELECT date, title_en, title_zh FROM event WHERE source = :id
      ORDER BY date, id LIMIT :limit
      """)
  List<EventTitle> events(@Bind("id") String id, @Bind("limit") int limit);
}
