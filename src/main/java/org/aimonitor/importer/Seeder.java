package org.aimonitor.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Database;

/**
 * Loads the seed dataset shipped in the jar ({@code /seed/*.csv}) into an empty database through
 * the importer: the same validation as any import, every seed file in one transaction, logged as
 * the first import.
 */
public final class Seeder {

  private Seeder() {
  }

  /** Seeds the database if it holds no data yet; returns whether it did. */
  public static boolean seedIfEmpty(Database db) {
    // A database that holds data never becomes empty again, so a plain read settles the usual
    // case without the write lock; an empty one is checked again under it, so two processes
    // starting on one new file seed it once.
    if (db.jdbi().withHandle(Seeder::rows) > 0) {
      return false;
    }
    return db.writer().inTransaction(handle -> {
      if (rows(handle) > 0) {
        return false;
      }
      Importer.applyIn(handle, seedFiles(), "seed");
      return true;
    });
  }

  /** How many of the four main tables hold a row: each stops at its first, whatever the size. */
  private static int rows(org.jdbi.v3.core.Handle handle) {
    return handle.createQuery("SELECT EXISTS (SELECT 1 FROM source) + EXISTS (SELECT 1 FROM indicator)"
        + " + EXISTS (SELECT 1 FROM observation) + EXISTS (SELECT 1 FROM event)")
        .mapTo(Integer.class).one();
  }

  /** The seed files as shipped in the jar, one per CsvTable. */
  public static List<ImportFile> seedFiles() {
    List<ImportFile> files = new ArrayList<>();
    for (CsvTable table : CsvTable.values()) {
      String resource = "/seed/" + table.fileName();
      try (InputStream in = Seeder.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("seed file " + resource + " is missing from the build");
        }
        files.add(new ImportFile(table.fileName(), in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
