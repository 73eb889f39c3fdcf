package org.aimonitor.timeline;

import java.util.List;
import org.aimonitor.store.Event;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What {@code /timeline} reads besides the shared reads: one page of events. */
public interface TimelineQueries {

  /** One page of events, oldest first, in date order (the event_by_date index). */
  @SqlQuery("""
      SELECT date, category, title_en, title_zh, description_en, description_zh, source FROM event
      ORDER BY date, id LIMIT :limit OFFSET :offset
      """)
  List<Event> page(@Bind("limit") int limit, @Bind("offset") long offset);
}
