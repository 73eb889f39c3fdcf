package org.aimonitor.figure;

import java.util.Optional;
import org.aimonitor.store.Histories;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What {@code /figures/{id}} reads: one figure by its row id, which an import's revision keeps
 * (a revision changes the value, not the address). Its indicator, place, source and revisions
 * come from the shared reads of {@link org.aimonitor.store.DataStore}.
 */
public interface FigureQueries {

  /**
   * The figure with row id {@code id}, with when and by which import it took its state: every
   * column, so a column added to observations reaches the page without an edit here.
   */
  @SqlQuery("SELECT * FROM observation WHERE id = :id")
  Optional<Histories.Recorded> figure(@Bind("id") long id);
}
