package org.aimonitor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aimonitor.download.ExportStore;
import org.aimonitor.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code backup FILE}: a consistent copy of the database, safe while the server runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Write a consistent copy of the database to FILE with SQLite's VACUUM INTO: "
        + "it reads in one transaction, so it is safe while the server runs or an import is applied. "
        + "FILE must not exist.")
final class BackupCommand implements Callable<Integer> {

  @ParentCommand
  private Cli cli;

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The backup file to create.")
  private Path file;

  @Override
  public Integer call() {
    cli.settings();
    if (Files.exists(file)) {
      spec.commandLine().getErr().println(file + ": already exists; choose a new file name");
      return Cli.INVALID_INPUT;
    }
    if (file.toAbsolutePath().getParent() != null && !Files.isDirectory(file.toAbsolutePath().getParent())) {
      spec.commandLine().getErr().println(file + ": the folder does not exist");
      return Cli.INVALID_INPUT;
    }
    Path source = cli.settings().dbPath();
    if (!Files.exists(source)) {
      spec.commandLine().getErr().println(source + ": no database here (AIM_DB_PATH); nothing to back up");
      return Cli.INVALID_INPUT;
    }
    Database db = Database.open(source);
    new ExportStore(db).snapshotTo(file);
    spec.commandLine().getOut().printf("%s: backup of %s written%n", file, db.file());
    return Cli.OK;
  }
}
