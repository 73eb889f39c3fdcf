package org.aimonitor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.ImportReason;
import org.aimonitor.importer.ImportReport;
import org.aimonitor.importer.Importer;
import org.aimonitor.store.DataException;
import org.aimonitor.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code import [--dry-run] FILE...}: validates and applies CSV files in one transaction. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {
        "Import sources, indicators, observations or events CSV files in the seed format (each "
            + "recognised by its header row). All files are one transaction: on any error nothing "
            + "is written, and every error is listed on stderr as FILE:LINE:COLUMN: message.",
        "An .xlsx workbook imports like the CSV files it stands for: a sheet per table named like "
            + "its file (observations), as /data/monitor.xlsx has them (its Read me sheet is skipped), "
            + "or one sheet recognised by its header; errors read FILE: sheet S, row R, column \"C\".",
        "Rows are matched on their key; unchanged rows are left alone, changed observations keep "
            + "their previous state as a revision. Each added or changed row is listed on a dry run, "
            + "or once the import is committed (never before); a summary per file follows.",
        "Exit status: 0 imported (or a valid dry run), 1 invalid input (nothing imported), "
            + "2 usage, 3 the database could not be written or read: disk full, read-only or an "
            + "input/output error (nothing imported)."})
final class ImportCommand implements Callable<Integer> {

  @ParentCommand
  private Cli cli;

  @Spec
  private CommandSpec spec;

  @Option(names = "--dry-run", description = "Validate and report what would change; write nothing.")
  private boolean dryRun;

  @Option(names = "--reason", paramLabel = "TEXT",
      description = "Why this import is made (e.g. \"December 2026 data release\"): kept in the "
          + "import log and shown on /updates and in the feeds. At most "
          + ImportReason.MAX_LENGTH + " characters.")
  private String reason;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files or .xlsx workbooks (a sheet per table, as /data/monitor.xlsx) to import.")
  private List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    cli.settings();
    String why;
    try {
      why = ImportReason.of(reason);
    } catch (IllegalArgumentException e) {
      err.println("--reason: " + e.getMessage());
      return Cli.USAGE;
    }
    List<ImportFile> inputs = new ArrayList<>();
    for (Path path : files) {
      try {
        if (Files.exists(path) && !Files.isRegularFile(path)) {
          // A device (/dev/zero), folder or pipe has no size to check and may never end.
          err.println(path + ": not a regular file; give the path of a CSV file");
          return Cli.INVALID_INPUT;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
          bytes = in.readNBytes(Importer.MAX_FILE_BYTES + 1);
        }
        if (bytes.length > Importer.MAX_FILE_BYTES) {
          err.println(path + ":1:1: file is " + Files.size(path) + " bytes, over the limit of "
              + Importer.MAX_FILE_BYTES);
          return Cli.INVALID_INPUT;
        }
        inputs.add(new ImportFile(path.toString(), bytes));
      } catch (NoSuchFileException e) {
        err.println(path + ": no such file");
        return Cli.INVALID_INPUT;
      } catch (IOException e) {
        err.println(path + ": cannot read: " + e.getMessage());
        return Cli.INVALID_INPUT;
      }
    }
    Database db = cli.openDatabase();
    Importer importer = new Importer(db);
    ImportReport report;
    if (dryRun) {
      report = importer.dryRun(inputs, change -> printChange(out, change));
    } else {
      // Rows are listed only once the import is committed, so a failed or killed import never
      // shows a list of changes that did not happen; they wait in a temporary file (the report
      // keeps only the first Importer.MAX_CHANGES_LISTED), so 50,000 of them cost no memory.
      Path spool;
      try {
        spool = Files.createTempFile("aim-import-changes-", ".txt");
      } catch (IOException e) {
        err.println("Nothing was imported: cannot create a temporary file (" + e.getMessage() + ").");
        return Cli.STORAGE;
      }
      try (PrintWriter pending = new PrintWriter(Files.newBufferedWriter(spool, StandardCharsets.UTF_8))) {
        try {
          report = importer.apply(inputs, System.getProperty("user.name", "unknown") + " (command line)",
              why, change -> printChange(pending, change));
        } catch (DataException e) {
          e.errors().forEach(error -> err.println(error));
          err.println("Nothing was imported: " + e.errors().size() + " error(s).");
          return Cli.INVALID_INPUT;
        }
        pending.flush();
        if (pending.checkError()) {
          err.println("Imported as import " + report.importId() + ", but the list of changed rows "
              + "could not be written to a temporary file (is the temporary folder full?); "
              + "see the import at /updates/" + report.importId() + ".");
        } else {
          try (var lines = Files.lines(spool, StandardCharsets.UTF_8)) {
            lines.forEach(out::println);
          }
        }
      } catch (IOException e) {
        err.println("Nothing was imported: cannot write a temporary file (" + e.getMessage() + ").");
        return Cli.STORAGE;
      } finally {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException ignored) {
          // A leftover file in the temporary folder is harmless.
        }
      }
    }
    if (!report.valid()) {
      report.errors().forEach(err::println);
      err.println("Dry run: the files are invalid (" + report.errors().size() + " error(s)).");
      return Cli.INVALID_INPUT;
    }
    print(out, report, why);
    return Cli.OK;
  }

  private static void printChange(PrintWriter out, ImportReport.Change c) {
    out.printf("  %s:%d: %s %s %s%s%n", c.file(), c.line(), c.kind(), c.table(), c.key(),
        c.fields().isEmpty() ? "" : " (" + String.join("; ", c.fields()) + ")");
  }

  private void print(PrintWriter out, ImportReport report, String why) {
    for (ImportReport.FileSummary f : report.files()) {
      out.printf("%s (%s, sha256 %s): %d rows: %d added, %d changed, %d unchanged%n", f.name(),
          f.table(), f.sha256().substring(0, 12), f.rows(), f.added(), f.changed(), f.unchanged());
    }
    out.printf("%s: %d added, %d changed, %d unchanged.%n",
        report.applied() ? "Imported as import " + report.importId() : "Dry run, nothing written",
        report.added(), report.changed(), report.unchanged());
    if (report.applied() && report.added() + report.changed() > 0) {
      out.printf("Readers see it at /updates/%d%s.%n", report.importId(),
          why == null ? " (no --reason was given)" : "");
    }
  }
}
