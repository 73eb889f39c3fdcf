package org.aimonitor.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aimonitor.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while its import transaction is open leaves the database as it was: a child
 * JVM applies an import, says so before committing, and is killed with SIGKILL.
 */
class KilledImportTest {

  @TempDir
  Path dir;

  /** The child: applies a big change inside a transaction, then waits to be killed. */
  public static void main(String[] args) throws Exception {
    Database db = Database.open(Path.of(args[0]));
    StringBuilder text = new StringBuilder(ImporterTest.OBS);
    for (int i = 0; i < 2000; i++) {
      text.append("ai_core_industry_scale,CN,").append(1900 + i / 12).append("-").append(String.format("%02d", 1 + i % 12))
          .append(",").append(i).append(",reported,ecns-2026-03-05,0,row ").append(i).append('\n');
    }
    List<ImportFile> files = List.of(new ImportFile("big.csv", text.toString().getBytes(StandardCharsets.UTF_8)));
    db.writer().useTransaction(handle -> {
      ImportReport r = Importer.applyIn(handle, files.subList(0, 1), "child");
      System.out.println("WRITTEN " + r.added());
      System.out.flush();
      Thread.sleep(120_000);
    });
  }

  @Test
  void aProcessKilledMidImportLeavesTheDatabaseAsItWas() throws Exception {
    Path file = dir.resolve("monitor.db");
    Database db = Database.open(file);
    Seeder.seedIfEmpty(db);
    String before = DatabaseDump.of(db);

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), KilledImportTest.class.getName(), file.toString())
        .redirectErrorStream(true)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean written = false;
      StringBuilder seen = new StringBuilder();
      while ((line = out.readLine()) != null) {
        seen.append(line).append('\n');
        if (line.startsWith("WRITTEN")) {
          assertEquals("WRITTEN 2000", line.trim());
          written = true;
          break;
        }
      }
      assertTrue(written, "the child wrote its rows before being killed; it said:\n" + seen);
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    }
    Database reopened = Database.open(file);
    assertEquals(before, DatabaseDump.of(reopened));
    assertEquals(org.aimonitor.Seed.OBSERVATIONS, reopened.store().observationCount());
  }
}
