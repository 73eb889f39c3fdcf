package org.aimonitor.dashboard;

import java.util.Collection;
import java.util.List;
import org.aimonitor.store.Event;
import org.aimonitor.store.Observation;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the overview and the summary read besides the shared reads: the window of the headline
 * series their charts draw and the newest events. Each returns a fixed number of series or
 * events, however many there are in the database.
 */
public interface DashboardQueries {

  /**
   * The headline series of some indicators in some regions, with the targets that are not the
   * headline of their period (the overview draws plan targets beside actuals), oldest first:
   * periods that end at month number {@code since} (year * 12 + month - 1) or later.
   */
  @SqlQuery("""
      SELECT indicator, region, period, value, qualifier, source, headline, note, break_before,
             doubtful, note_zh
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
      SELECT date, category, title_en, title_zh, description_en, description_zh, source FROM (
        SELECT id, date, category, title_en, title_zh, description_en, description_zh, source FROM event
        ORDER BY date DESC, id DESC LIMIT :limit)
      ORDER BY date, id
      """)
  List<Event> newestEvents(@Bind("limit") int limit);

  /** The {@code limit} newest events of {@code category}, oldest of them first. */
  @SqlQuery("""
      SELECT date, category, title_en, title_zh, description_en, description_zh, source FROM (
        SELECT id, date, category, title_en, title_zh, description_en, description_zh, source FROM event
        WHERE category = :category ORDER BY date DESC, id DESC LIMIT :limit)
      ORDER BY date, id
      """)
  List<Event> newestEvents(@Bind("category") String category, @Bind("limit") int limit);
}
