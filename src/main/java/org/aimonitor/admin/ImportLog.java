package org.aimonitor.admin;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads the import log that every import (seed, command line, web) writes. */
@RegisterConstructorMapper(ImportLog.Entry.class)
public interface ImportLog {

  /**
   * One logged import; {@code reason} is what staff said it is for (null when none was given),
   * {@code files} the JSON array of file summaries the importer wrote.
   */
  record Entry(long id, String importedAt, String who, String reason, String files, int added,
      int changed, int unchanged) {
  }

  @SqlQuery("""
      SELECT id, imported_at, who, reason, files, added, changed, unchanged
      FROM import_log
      ORDER BY id DESC
      LIMIT :limit
      """)
  List<Entry> newestFirst(@Bind("limit") int limit);

  @SqlQuery("SELECT count(*) FROM import_log")
  int count();
}
