package org.aimonitor.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import org.aimonitor.Settings;
import org.aimonitor.store.Database;
import org.aimonitor.store.Seeder;
import org.aimonitor.web.App;
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
    Database db = Database.open(settings.dbPath());
    if (Seeder.seedIfEmpty(db)) {
      LOG.info("Seeded {} with the bundled dataset", settings.dbPath().toAbsolutePath());
    }
    Javalin app = App.create(settings, db).start(settings.port());
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    LOG.info("AI Industry Monitor on http://localhost:{}/ (database {})", app.port(),
        settings.dbPath().toAbsolutePath());
    LOG.info(settings.adminEnabled() ? "Admin pages on /admin (AIM_ADMIN_TOKEN is set)"
        : "Admin pages are off (AIM_ADMIN_TOKEN is not set)");
    cli.serving = true;
    return Cli.OK;
  }
}
