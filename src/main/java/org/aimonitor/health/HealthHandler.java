package org.aimonitor.health;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /healthz}: is the database reachable, how much data, and at which version. */
public final class HealthHandler {

  private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);

  /** The health answer; {@code dataVersion} moves on whenever any data change. */
  public record Health(String status, boolean database, Integer observations, Long dataVersion) {
  }

  private final Database db;

  public HealthHandler(Database db) {
    this.db = db;
  }

  public void check(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    try {
      // One statement on the small tables, whatever the size of the data: the observations are
      // the rows of observations.csv that the last import measured at this data version
      // (DownloadSizes); only after a change made outside the app are they counted.
      // A plain statement, not the DataStore SQL object: building that proxy (every query of
      // the interface) is left to the first page, so a new container reports healthy sooner.
      Health health = db.jdbi().withHandle(handle -> handle.createQuery("""
              SELECT d.version, coalesce(s.rows, (SELECT count(*) FROM observation))
              FROM data_version d
              LEFT JOIN download_size s ON s.file = :file AND s.data_version = d.version
              WHERE d.id = 1
              """)
          .bind("file", CsvTable.OBSERVATIONS.fileName())
          .map((rs, c) -> new Health("ok", true, rs.getInt(2), rs.getLong(1)))
          .one());
      ctx.json(health);
    } catch (RuntimeException e) {
      LOG.warn("Health check cannot reach the database", e);
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new Health("error", false, null, null));
    }
  }
}
