package org.aimonitor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aimonitor.download.CsvExport;
import org.aimonitor.download.ExportStore;
import org.aimonitor.store.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code export DIR}: writes the four CSV files in the import format, read in one transaction. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write sources.csv, indicators.csv, observations.csv and events.csv to DIR in the "
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
    Map<CsvTable, List<List<String>>> all = new ExportStore(cli.openDatabase()).allRows();
    for (Map.Entry<CsvTable, List<List<String>>> e : all.entrySet()) {
      Path target = dir.resolve(e.getKey().fileName());
      // Write beside the target and move into place, so a reader never sees half a file.
      Path partial = Files.createTempFile(dir, e.getKey().fileName(), ".partial");
      Files.writeString(partial, CsvExport.write(e.getKey(), e.getValue()), StandardCharsets.UTF_8);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      out.printf("%s: %d rows%n", target, e.getValue().size());
    }
    return Cli.OK;
  }
}
