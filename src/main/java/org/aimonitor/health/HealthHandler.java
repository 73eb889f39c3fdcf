package org.aimonitor.health;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
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
      // Plain statements, not the DataStore SQL object: building that proxy (every query of
      // the interface) is left to the first page, so a new container reports healthy sooner.
      Health health = db.jdbi().inTransaction(handle -> new Health("ok", true,
          handle.createQuery("SELECT count(*) FROM observation").mapTo(Integer.class).one(),
          handle.createQuery("SELECT version FROM data_version WHERE id = 1").mapTo(Long.class).one()));
      ctx.json(health);
    } catch (RuntimeException e) {
      LOG.warn("Health check cannot reach the database", e);
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new Health("error", false, null, null));
    }
  }
}
