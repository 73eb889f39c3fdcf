package org.aimonitor.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;
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
    return db.writer().inTransaction(handle -> {
      int rows = handle.createQuery("SELECT (SELECT count(*) FROM source) + (SELECT count(*) FROM indicator)"
          + " + (SELECT count(*) FROM observation) + (SELECT count(*) FROM event)")
          .mapTo(Integer.class).one();
      if (rows > 0) {
        return false;
      }
      Importer.applyIn(handle, seedFiles(), "seed");
      return true;
    });
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
