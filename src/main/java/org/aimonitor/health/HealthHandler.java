package org.aimonitor.health;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz}: is the database reachable, how much data, and at which version. A probe
 * (or a flood of them) asks the database at most once per {@link #CHECK_INTERVAL} and whenever
 * the data version held in memory moves; in between it repeats the last answer.
 */
public final class HealthHandler {

  private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);

  /** How often, at most, the database itself is asked. */
  public static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  /** The health answer; {@code dataVersion} moves on whenever any data change. */
  public record Health(String status, boolean database, Integer observations, Long dataVersion) {
  }

  /** An answer, the version it was made at and when (nanoseconds). */
  private record Checked(Health health, Database.Version version, long at) {
  }

  private final Database db;
  private final LongSupplier ticker;
  private final ReentrantLock checking = new ReentrantLock();
  private volatile Checked last;

  public HealthHandler(Database db) {
    this(db, System::nanoTime);
  }

  HealthHandler(Database db, LongSupplier ticker) {
    this.db = db;
    this.ticker = ticker;
  }

  public void check(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    Health health = health();
    if (!health.database()) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
    }
    ctx.json(health);
  }

  /** The last answer while it is fresh; otherwise one caller asks the database, others wait. */
  Health health() {
    Checked c = last;
    if (fresh(c)) {
      return c.health();
    }
    checking.lock();
    try {
      c = last;
      if (fresh(c)) {
        return c.health();
      }
      c = ask();
      last = c;
      return c.health();
    } finally {
      checking.unlock();
    }
  }

  private boolean fresh(Checked c) {
    if (c == null || ticker.getAsLong() - c.at() >= CHECK_INTERVAL.toNanos()) {
      return false;
    }
    try {
      return c.version() == null || c.version().equals(db.version());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Checked ask() {
    long at = ticker.getAsLong();
    try {
      // The version row read from the database itself (proving it answers), then one statement
      // on the small tables, whatever the size of the data: the observations are the rows of
      // observations.csv that the last import measured at this data version (DownloadSizes);
      // only after a change made outside the app are they counted.
      Database.Version version = db.readVersion();
      int observations = db.jdbi().withExtension(HealthQueries.class,
          q -> q.observations(CsvTable.OBSERVATIONS.fileName(), version.number()));
      return new Checked(new Health("ok", true, observations, version.number()), version, at);
    } catch (RuntimeException e) {
      LOG.warn("Health check cannot reach the database", e);
      return new Checked(new Health("error", false, null, null), null, at);
    }
  }
}
