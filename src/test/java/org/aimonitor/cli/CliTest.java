package org.aimonitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.aimonitor.TestData;
import org.aimonitor.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's command line, run in-process against a real database file. */
class CliTest {

  @TempDir
  Path dir;

  record Result(int status, String out, String err) {
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Cli.run(args, Map.of("AIM_DB_PATH", dir.resolve("db/monitor.db").toString()),
        new PrintWriter(out), new PrintWriter(err)).orElseThrow();
    return new Result(status, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private static final String OBS = TestData.OBSERVATIONS_HEADER;

  @Test
  void importsAValidFileAndSaysWhatChanged() throws Exception {
    Path file = write("obs.csv", OBS + "ai_core_industry_scale,CN,2019,12.5,reported,ecns-2026-03-05,1,\n");
    Result r = run("import", file.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("1 rows: 1 added, 0 changed, 0 unchanged"), r.out());
    assertTrue(r.out().contains("Imported as import 2"), r.out());
  }

  @Test
  void theReasonGivenIsKeptInTheImportLogAndATooLongOneIsAUsageError() throws Exception {
    Path file = write("obs.csv", OBS + "ai_core_industry_scale,CN,2019,12.5,reported,ecns-2026-03-05,1,\n");
    Result tooLong = run("import", "--reason", "x".repeat(501), file.toString());
    assertEquals(2, tooLong.status(), tooLong.out());
    assertEquals("--reason: the reason has 501 characters, over the limit of 500", tooLong.err().strip());
    Result r = run("import", "--reason", "  December 2026\n data release ", file.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Readers see it at /updates/2."), r.out());
    Database db = Database.open(dir.resolve("db/monitor.db"));
    assertEquals("December 2026 data release", db.jdbi().withHandle(h -> h.createQuery(
        "SELECT reason FROM import_log WHERE id = 2").mapTo(String.class).one()), "one line, spaces collapsed");
  }

  @Test
  void invalidInputExitsWithOneAndListsEveryErrorAsFileLineColumn() throws Exception {
    Path file = write("obs.csv", OBS
        + "ai_core_industry_scale,CN,2019,\"12,5x\",reported,ecns-2026-03-05,1,\n"
        + "ai_core_industry_scale,CN,2024-13,1,reported,ecns-2026-03-05,0,\n");
    Result r = run("import", file.toString());
    assertEquals(1, r.status());
    String[] lines = r.err().split("\n");
    assertEquals(file + ":2:4: value \"12,5x\" is not a number (a plain decimal like 12.5)", lines[0]);
    assertEquals(file + ":3:3: month 13 is not between 1 and 12", lines[1]);
    assertFalse(r.err().contains("Exception"), "no stack traces: " + r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void aDryRunWritesNothing() throws Exception {
    Path file = write("obs.csv", OBS + "ai_core_industry_scale,CN,2019,12.5,reported,ecns-2026-03-05,1,\n");
    Result r = run("import", "--dry-run", file.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Dry run, nothing written: 1 added"), r.out());
    Database db = Database.open(dir.resolve("db/monitor.db"));
    assertEquals(org.aimonitor.Seed.OBSERVATIONS, db.store().observationCount());
  }

  @Test
  void aMissingFileIsInvalidInput() {
    Result r = run("import", dir.resolve("nope.csv").toString());
    assertEquals(1, r.status());
    assertTrue(r.err().endsWith("nope.csv: no such file\n"), r.err());
  }

  @Test
  void whatIsNotARegularFileIsRefusedBeforeItIsRead() {
    Result r = run("import", "/dev/zero");
    assertEquals(1, r.status(), r.err());
    assertEquals("/dev/zero: not a regular file; give the path of a CSV file\n", r.err());
    assertEquals(1, run("import", dir.toString()).status(), "a folder neither");
  }

  @Test
  void changedRowsAreListedOnlyAfterTheCommit() throws Exception {
    Path file = write("obs.csv", OBS + "ai_core_industry_scale,CN,2019,12.5,reported,ecns-2026-03-05,1,\n"
        + "ai_core_industry_scale,CN,2018,1,reported,no-such-source,1,\n");
    Result refused = run("import", file.toString());
    assertEquals(1, refused.status());
    assertEquals("", refused.out(), "a refused import lists no row as added");
    Result dry = run("import", "--dry-run", write("ok.csv", OBS
        + "ai_core_industry_scale,CN,2019,12.5,reported,ecns-2026-03-05,1,\n").toString());
    assertTrue(dry.out().contains("ok.csv:2: added observation"), dry.out());
    Result applied = run("import", dir.resolve("ok.csv").toString());
    assertTrue(applied.out().startsWith("  " + dir.resolve("ok.csv") + ":2: added observation"), applied.out());
    assertTrue(applied.out().contains("Imported as import"), applied.out());
  }

  /**
   * A full disk, made real by SQLite's page limit on the database file (max_page_count, set for
   * every connection from the file name's query): one sentence, exit status 3, nothing imported.
   */
  @Test
  void aFullDiskIsOneSentenceAndExitThreeAndNothingIsImported() throws Exception {
    Path db = dir.resolve("db/monitor.db");
    assertEquals(0, run("import", "--dry-run", write("none.csv", OBS).toString()).status());
    long pages;
    long observations;
    Database open = Database.open(db);
    pages = open.jdbi().withHandle(h -> h.createQuery("PRAGMA page_count").mapTo(Long.class).one());
    observations = open.store().observationCount();
    StringBuilder rows = new StringBuilder(OBS);
    for (int year = 1950; year < 2000; year++) {
      rows.append("ai_core_industry_scale,CN,").append(year).append(",1,reported,ecns-2026-03-05,0,")
          .append("x".repeat(2000)).append('\n');
    }
    Path file = write("many.csv", rows.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Cli.run(new String[] {"import", file.toString()},
        Map.of("AIM_DB_PATH", db + "?max_page_count=" + (pages + 2)),
        new PrintWriter(out), new PrintWriter(err)).orElseThrow();
    assertEquals(3, status, err.toString());
    assertEquals("ai-industry-monitor: the disk is full; nothing was written. Fix that and run the "
        + "command again.\n", err.toString());
    assertEquals("", out.toString(), "no row is listed as added");
    assertEquals(observations, Database.open(db).store().observationCount(), "nothing was imported");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, run("import").status());
    assertEquals(2, run("import", "--frobnicate", "x.csv").status());
    assertEquals(2, run("no-such-command").status());
  }

  @Test
  void exportWritesTheSeedFormatAndReimportsWithoutChangesButTheNeutralisedNotes() throws Exception {
    Path out = dir.resolve("export");
    Result r = run("export", out.toString());
    assertEquals(0, r.status(), r.err());
    for (String name : new String[] {"languages.csv", "categories.csv", "units.csv", "regions.csv",
        "sources.csv", "indicators.csv", "observations.csv", "events.csv"}) {
      // Byte for byte the seed file, but for the five notes with "; +figure" a spreadsheet that
      // splits on ";" would run (docs/data.md): they export as ";' +figure".
      assertEquals(Files.readString(Path.of("data", name)).replaceAll("; ([+-]\\d)", ";' $1"),
          Files.readString(out.resolve(name)), name + " is byte for byte the seed file");
    }
    Result again = run("import", out.resolve("observations.csv").toString(),
        out.resolve("sources.csv").toString(), out.resolve("indicators.csv").toString(),
        out.resolve("events.csv").toString(), out.resolve("regions.csv").toString(),
        out.resolve("units.csv").toString(), out.resolve("categories.csv").toString(),
        out.resolve("languages.csv").toString());
    assertEquals(0, again.status(), again.err());
    int rows = org.aimonitor.Seed.LANGUAGES + org.aimonitor.Seed.CATEGORIES + org.aimonitor.Seed.UNITS
        + org.aimonitor.Seed.REGIONS + org.aimonitor.Seed.SOURCES + org.aimonitor.Seed.INDICATORS
        + org.aimonitor.Seed.OBSERVATIONS + org.aimonitor.Seed.EVENTS;
    assertTrue(again.out().contains(": 0 added, 0 changed, " + rows + " unchanged."), again.out());
  }

  @Test
  void backupIsAConsistentCopyEvenWhileAWriteIsUnderway() throws Exception {
    run("export", dir.resolve("warm-up").toString());
    Database db = Database.open(dir.resolve("db/monitor.db"));
    Path backup = dir.resolve("backup.db");
    db.writer().useTransaction(h -> {
      h.execute("DELETE FROM event");
      Result r = run("backup", backup.toString());
      assertEquals(0, r.status(), r.err());
    });
    Database copy = Database.open(backup);
    assertEquals(org.aimonitor.Seed.EVENTS, org.aimonitor.TestData.events(copy).size(), "the uncommitted delete is not in the backup");
    assertEquals(0, org.aimonitor.TestData.events(db).size(), "the delete did commit afterwards");
    assertEquals(1, run("backup", backup.toString()).status(), "an existing file is not overwritten");
  }

  @Test
  void everyCommandHasHelp() {
    Result top = run("--help");
    assertEquals(0, top.status());
    assertTrue(top.out().contains("import"));
    Result help = run("import", "--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("--dry-run"));
    for (String command : new String[] {"serve", "export", "backup"}) {
      Result h = run(command, "--help");
      assertEquals(0, h.status(), command);
      assertTrue(h.out().startsWith("Usage: ai-industry-monitor " + command), h.out());
    }
  }

  @Test
  void aMalformedSettingIsAUsageError() {
    StringWriter err = new StringWriter();
    int status = Cli.run(new String[] {"import", "x.csv"}, Map.of("PORT", "abc"), new PrintWriter(new StringWriter()),
        new PrintWriter(err)).orElseThrow();
    assertEquals(2, status);
    assertTrue(err.toString().contains("PORT=\"abc\" is not a port number"), err.toString());
  }

  /** Without arguments the jar serves without building picocli; errors read as with "serve". */
  @Test
  void withoutArgumentsABadSettingIsTheSameUsageErrorAsWithServe() {
    for (String[] args : new String[][] {{}, {"serve"}}) {
      StringWriter err = new StringWriter();
      int status = Cli.run(args, Map.of("PORT", "abc"), new PrintWriter(new StringWriter()),
          new PrintWriter(err)).orElseThrow();
      assertEquals(2, status, String.join(" ", args));
      assertEquals("ai-industry-monitor: PORT=\"abc\" is not a port number",
          err.toString().lines().findFirst().orElse("").replaceAll(" \\(.*$", ""), err.toString());
    }
  }
}
