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
      // The data version as every cache reads it (no query of its own), then one statement on
      // the small tables, whatever the size of the data: the observations are the rows of
      // observations.csv that the last import measured at this data version (DownloadSizes);
      // only after a change made outside the app are they counted.
      long version = db.version().number();
      int observations = db.jdbi().withExtension(HealthQueries.class,
          q -> q.observations(CsvTable.OBSERVATIONS.fileName(), version));
      ctx.json(new Health("ok", true, observations, version));
    } catch (RuntimeException e) {
      LOG.warn("Health check cannot reach the database", e);
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new Health("error", false, null, null));
    }
  }
}
