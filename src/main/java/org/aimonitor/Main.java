package org.aimonitor;

import io.javalin.Javalin;
import org.aimonitor.store.Database;
import org.aimonitor.store.Seeder;
import org.aimonitor.web.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the environment, opens (and on first start seeds) the database, and serves the app. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("ai-industry-monitor: " + e.getMessage());
      System.exit(2);
      return;
    }
    Database db = Database.open(settings.dbPath());
    if (Seeder.seedIfEmpty(db)) {
      LOG.info("Seeded {} with the bundled dataset", settings.dbPath().toAbsolutePath());
    } else {
      // Said out loud so that operators (and .ci/container-check) can tell a restart from a reset.
      LOG.info("Database {} already holds data (data version {}); not seeded again",
          settings.dbPath().toAbsolutePath(), db.store().dataVersion());
    }
    Javalin app = App.create(db).start(settings.port());
    // SIGTERM (docker/podman stop) runs this hook: the JVM is the container's PID 1.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app, db), "shutdown"));
    LOG.info("AI Industry Monitor on http://localhost:{}/ (database {})", app.port(),
        settings.dbPath().toAbsolutePath());
  }

  /**
   * Stops accepting connections, lets requests in flight finish (see {@link App#STOP_TIMEOUT}),
   * then merges the write-ahead log so that no {@code -wal} file is left behind.
   */
  static void stop(Javalin app, Database db) {
    app.stop();
    try {
      if (db.checkpoint()) {
        LOG.info("Database {} checkpointed; stopped cleanly", db.file().toAbsolutePath());
      } else {
        LOG.warn("Database {} not fully checkpointed (a connection was busy); SQLite replays"
            + " the -wal file on the next start", db.file().toAbsolutePath());
      }
    } catch (RuntimeException e) {
      LOG.warn("Database {} could not be checkpointed; SQLite replays the -wal file on the next"
          + " start", db.file().toAbsolutePath(), e);
    }
  }
}
