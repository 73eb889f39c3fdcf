package org.aimonitor.health;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What {@code /healthz} reads besides the data version: a few rows, whatever the data's size. */
public interface HealthQueries {

  /**
   * The rows of the observations download ({@code file}) that the last import measured at data
   * version {@code version} (DownloadSizes); counted only when none was measured at it (after a
   * change made outside the app).
   */
  @SqlQuery("""
      SELECT coalesce(
        (SELECT rows FROM download_size WHERE file = :file AND data_version = :version),
        (SELECT count(*) FROM observation))
      """)
  int observations(@Bind("file") String file, @Bind("version") long version);
}
