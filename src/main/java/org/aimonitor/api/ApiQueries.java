package org.aimonitor.api;

import java.util.Collection;
import java.util.List;
import org.aimonitor.store.Event;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Source;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What {@code /api/v1/sources} and {@code /api/v1/events} read: a page at a time, after a cursor. */
@RegisterConstructorMapper(ApiQueries.Backs.class)
public interface ApiQueries {

  /** Sources by id. */
  Keyset SOURCE_ORDER = new Keyset("s.id");
  /** Events oldest first (partial dates sort as text the way PartialDate does), then as stored. */
  Keyset EVENT_ORDER = new Keyset("e.date", "e.id");

  /** A source and an indicator its figures belong to. */
  record Backs(String source, String indicator) {
  }

  /** Up to {@code limit} sources in {@link #SOURCE_ORDER} from {@code at}. */
  @SqlQuery("SELECT s.* FROM source s WHERE <afterCursor> ORDER BY <keyOrder> LIMIT :limit")
  List<Source> sources(@Keyset.Bind Keyset.Position at, @Bind("limit") int limit);

  /** The indicators each of these sources' figures belong to, by source. */
  @SqlQuery("""
      SELECT DISTINCT source, indicator FROM observation WHERE source IN (<ids>)
      ORDER BY source, indicator
      """)
  List<Backs> indicatorsBacked(@BindList("ids") Collection<String> sources);

  /** Up to {@code limit} events in {@link #EVENT_ORDER} from {@code at}. */
  @SqlQuery("SELECT e.*, <keys> FROM event e WHERE <afterCursor> ORDER BY <keyOrder> LIMIT :limit")
  List<Keyset.Keyed<Event>> events(@Keyset.Bind Keyset.Position at, @Bind("limit") int limit);
}
