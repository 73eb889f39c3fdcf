package org.aimonitor.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.aimonitor.download.CsvExport;
import org.aimonitor.download.ExportStore;
import org.aimonitor.store.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code export DIR}: writes every CSV file of the data (see CsvTable) in the import format, read in one transaction. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write every data file (languages.csv, categories.csv, units.csv, regions.csv, "
        + "sources.csv, indicators.csv, observations.csv, events.csv, schedules.csv) to DIR in the "
        + "seed format (they re-import unchanged). The folder is created if missing; existing "
        + "files of those names are replaced.")
final class ExportCommand implements Callable<Integer> {

  @ParentCommand
  private Cli cli;

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "Folder to write the CSV files to.")
  private Path dir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    cli.settings();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      spec.commandLine().getErr().println(dir + ": exists and is not a folder");
      return Cli.INVALID_INPUT;
    }
    Files.createDirectories(dir);
    // One read transaction for all of them, so files exported together agree with each other; each
    // written as its rows are read, beside the target, then moved into place, so a reader never
    // sees half a file.
    cli.openDatabase().jdbi().useTransaction(h -> {
      for (CsvTable table : CsvTable.values()) {
        Path target = dir.resolve(table.fileName());
        Path partial = Files.createTempFile(dir, table.fileName(), ".partial");
        long[] rows = {0};
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial))) {
          CsvExport.write(file, table, sink -> ExportStore.forEach(h, table, row -> {
            rows[0]++;
            sink.accept(row);
          }));
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.printf("%s: %d rows%n", target, rows[0]);
      }
    });
    return Cli.OK;
  }
}
