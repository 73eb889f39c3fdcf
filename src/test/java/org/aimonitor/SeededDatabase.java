package org.aimonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aimonitor.freshness.FreshnessWriter;
import org.aimonitor.importer.Seeder;
import org.aimonitor.store.Database;

/**
 * The shipped seed, imported once per JVM through the real importer ({@link Seeder}) into a
 * template file; every test database is a byte copy of it. Copying a SQLite file takes a few
 * milliseconds where importing the seed takes about a second, and the copy is the same database
 * the importer wrote (migrated, seeded as import 1, freshness worked out).
 */
public final class SeededDatabase {

  private static Path template;

  private SeededDatabase() {
  }

  /** The template file, made on first use: seeded by the importer and written out with VACUUM INTO. */
  static synchronized Path template() {
    if (template == null) {
      try {
        Path dir = Files.createTempDirectory("aim-seed-template");
        Database db = Database.open(dir.resolve("seeding.db"));
        Seeder.seedIfEmpty(db);
        FreshnessWriter.refreshIfStale(db);
        Path file = dir.resolve("template.db");
        // One consistent file without a -wal beside it, so a plain copy is the whole database.
        db.jdbi().useHandle(h -> h.execute("VACUUM INTO ?", file.toString()));
        file.toFile().deleteOnExit();
        template = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return template;
  }

  /**
   * Makes {@code file} a copy of the seeded template unless it exists already (a test that
   * starts the app twice over one folder sees its own earlier writes); returns it.
   */
  public static Path copyTo(Path file) {
    if (Files.notExists(file)) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.copy(template(), file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }

  /** A seeded database at {@code file} (copied from the template when missing), opened and migrated. */
  public static Database open(Path file) {
    Database db = Database.open(copyTo(file));
    // A database that existed before may be empty or predate the freshness table's data.
    Seeder.seedIfEmpty(db);
    FreshnessWriter.refreshIfStale(db);
    return db;
  }
}
