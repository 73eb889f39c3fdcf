package org.aimonitor.watch;

import java.util.Collection;
import java.util.List;
import org.aimonitor.store.Histories;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What {@code /figures/changes} reads for a list of figure ids, each in one batch with the ids
 * bound (never a query per id): the figures, and the imports that recorded their states with the
 * reasons they gave. Their revisions come from the shared read of
 * {@link org.aimonitor.store.DataStore#revisions}, their names from the shared batch reads.
 * Import reasons are read here, from the table's columns, not from the import log's model.
 */
public interface WatchQueries {

  /** The figures with these row ids, through the primary key; ids without a row are absent. */
  @SqlQuery("SELECT * FROM observation WHERE id IN (<ids>) ORDER BY id")
  List<Histories.Recorded> figures(@BindList("ids") Collection<Long> ids);

  /** How many of these ids are figures' (a feed's poll checks the list with no more). */
  @SqlQuery("SELECT count(*) FROM observation WHERE id IN (<ids>)")
  int known(@BindList("ids") Collection<Long> ids);

}
