package org.aimonitor.figure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.aimonitor.store.Histories;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
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

  /** The day of the first import (a vintage cannot be older), through the primary key. */
  @SqlQuery("SELECT substr(imported_at, 1, 10) FROM import_log WHERE id = (SELECT min(id) FROM import_log)")
  Optional<String> firstImportDay();

  /**
   * The imports that recorded a figure's states, with the reason staff gave (null for none),
   * through import_log's primary key: what a revision row and the figure's feed say about why.
   * Read here, not from the import log's own model, so the figure page depends only on the
   * table's columns.
   */
  @RegisterConstructorMapper(ImportRef.class)
  @SqlQuery("SELECT id, imported_at, who, reason FROM import_log WHERE id IN (<ids>) ORDER BY id")
  List<ImportRef> imports(@BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING)
      Collection<Long> ids);

  /** An import as a figure's history names it: its number, when, by whom and why. */
  record ImportRef(long id, String importedAt, String who, String reason) {
  }
}
