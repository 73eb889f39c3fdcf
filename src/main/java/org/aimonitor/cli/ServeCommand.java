package org.aimonitor.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import org.aimonitor.app.App;
import org.aimonitor.config.Settings;
import org.aimonitor.freshness.FreshnessWriter;
import org.aimonitor.importer.Seeder;
import org.aimonitor.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code serve}: opens (and on first start seeds) the database and serves the dashboard. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the dashboard on PORT (default 8080) over AIM_DB_PATH (default data/monitor.db).")
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @ParentCommand
  private Cli cli;

  ServeCommand() {
  }

  ServeCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    Settings settings = cli.settings();
    // The web stack loads on the second core while this one opens the database.
    Thread warmUp = new Thread(App::warmUp, "warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    Database db = Database.open(settings.dbPath());
    if (Seeder.seedIfEmpty(db)) {
      LOG.info("Seeded {} with the bundled dataset", settings.dbPath().toAbsolutePath());
    } else {
      // Said out loud so that operators (and .ci/container-check) can tell a restart from a reset.
      LOG.info("Database {} already holds data (data version {}); not seeded again",
          settings.dbPath().toAbsolutePath(), db.version().number());
    }
    if (FreshnessWriter.refreshIfStale(db)) {
      LOG.info("Freshness of the indicators brought up to date with the data");
    }
    Javalin app = App.create(settings, db).start(settings.port());
    // SIGTERM (docker/podman stop) runs this hook: the JVM is the container's PID 1.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app, db), "shutdown"));
    LOG.info("AI Industry Monitor on http://localhost:{}/ (database {})", app.port(),
        settings.dbPath().toAbsolutePath());
    LOG.info(settings.adminEnabled() ? "Admin pages on /admin (AIM_ADMIN_TOKEN is set)"
        : "Admin pages are off (AIM_ADMIN_TOKEN is not set)");
    cli.serving = true;
    return Cli.OK;
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
