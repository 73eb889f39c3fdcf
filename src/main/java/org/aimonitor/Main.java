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
    }
    Javalin app = App.create(db).start(settings.port());
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    LOG.info("AI Industry Monitor on http://localhost:{}/ (database {})", app.port(),
        settings.dbPath().toAbsolutePath());
  }
}
