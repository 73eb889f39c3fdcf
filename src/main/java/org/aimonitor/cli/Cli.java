package org.aimonitor.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.aimonitor.config.Settings;
import org.aimonitor.importer.Seeder;
import org.aimonitor.store.Database;
import org.aimonitor.store.StorageFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The command line of the jar: {@code serve} (the default), {@code import}, {@code export} and
 * {@code backup}. Exit status 0 on success, 1 on invalid input, 2 on usage errors, 3 when the
 * database could not be written or read (disk full, read-only, input/output error); nothing is
 * half-written in any case (docs/operations.md, "Threat model and limits").
 */
@Command(name = "ai-industry-monitor", mixinStandardHelpOptions = true, version = "0.1.0",
    description = "AI Industry Monitor: a dashboard of China's AI industry in sourced figures.%n"
        + "Without a command it serves the dashboard. The database is AIM_DB_PATH "
        + "(default data/monitor.db); an empty database is seeded first.",
    subcommands = {ServeCommand.class, ImportCommand.class, ExportCommand.class,
        BackupCommand.class})
public final class Cli implements Callable<Integer> {

  public static final int OK = 0;
  public static final int INVALID_INPUT = 1;
  public static final int USAGE = 2;
  /** The database could not be written or read: disk full, read-only, an input/output error. */
  public static final int STORAGE = 3;

  final Map<String, String> env;
  boolean serving;

  Cli(Map<String, String> env) {
    this.env = env;
  }

  /** Runs the command line; empty when the server was started and keeps the process alive. */
  public static OptionalInt run(String[] args, Map<String, String> env, PrintWriter out,
      PrintWriter err) {
    Cli cli = new Cli(env);
    int code;
    if (args.length == 0) {
      // The container's start: no arguments to parse, so picocli is not built at all. Its model
      // of four commands costs about 0.2 s of every start, and its classes (compiled for Java 5)
      // cannot go into the class-data archive (measured on 2026-12-02).
      try {
        code = cli.call();
      } catch (Exception e) {
        code = failed(e, err);
      }
    } else {
      CommandLine cl = new CommandLine(cli)
          .setOut(out)
          .setErr(err)
          .setExecutionExceptionHandler((e, command, parseResult) -> failed(e, command.getErr()));
      // picocli answers unknown options and missing parameters with CommandLine.ExitCode.USAGE (2).
      code = cl.execute(args);
    }
    out.flush();
    err.flush();
    return cli.serving && code == OK ? OptionalInt.empty() : OptionalInt.of(code);
  }

  /** A command that threw: its message on {@code err}, and the exit status for it. */
  private static int failed(Exception e, PrintWriter err) {
    java.util.Optional<StorageFailure> storage = StorageFailure.of(e);
    if (storage.isPresent()) {
      err.println("ai-industry-monitor: " + storage.get().sentence() + "; nothing was written. "
          + "Fix that and run the command again.");
      return STORAGE;
    }
    err.println("ai-industry-monitor: " + e.getMessage());
    return e instanceof IllegalArgumentException ? USAGE : INVALID_INPUT;
  }

  @Override
  public Integer call() {
    return new ServeCommand(this).call();
  }

  Settings settings() {
    return Settings.fromEnvironment(env);
  }

  /** Opens the configured database, seeding it first when it is empty (as the server does). */
  Database openDatabase() {
    Database db = Database.open(settings().dbPath());
    Seeder.seedIfEmpty(db);
    return db;
  }
}
