package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Start-up skips Flyway on a database whose history already lists every shipped migration, and
 * still hands every other database to Flyway: a new one, one an older release left, and one
 * whose history Flyway must refuse.
 */
class SchemaTest {

  @TempDir
  Path dir;

  private static SQLiteDataSource source(Path file) {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return ds;
  }

  private static void execute(Path file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static long count(Path file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aNewDatabaseIsMigratedAndTheNextStartSkipsFlyway() throws Exception {
    Path file = dir.resolve("new.db");
    SQLiteDataSource ds = source(file);
    assertFalse(Schema.isCurrent(ds), "an empty file has no history");

    assertTrue(Schema.migrate(ds), "Flyway runs on a new database");
    assertEquals(1, count(file, "SELECT count(*) FROM sqlite_master WHERE name = 'observation'"));

    assertTrue(Schema.isCurrent(ds), "the history Flyway wrote matches the shipped migrations");
    assertFalse(Schema.migrate(ds), "a restart on a current database does not run Flyway");
    // Database.open takes the same path: it opens the migrated file without Flyway.
    Database.open(file).checkpoint();
    assertEquals(Schema.shipped().size(),
        count(file, "SELECT count(*) FROM flyway_schema_history"), "no history row added");
  }

  @Test
  void ourChecksumsAreFlywaysOwn() throws Exception {
    Path file = dir.resolve("sums.db");
    Schema.migrate(source(file));
    Set<Schema.Migration> recorded = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT version, description, checksum FROM flyway_schema_history")) {
      while (rs.next()) {
        recorded.add(new Schema.Migration(rs.getString(1), rs.getString(2), rs.getInt(3)));
      }
    }
    assertEquals(recorded, new HashSet<>(Schema.shipped()));
    assertTrue(Schema.shipped().size() >= 5, "every migration in db/migration was found");
  }

  @Test
  void aDatabaseOfAnOlderReleaseStillMigrates() throws Exception {
    Path file = MigrationTest.restore(dir, "/migration/release-0.1.0.sql");
    long before = count(file, "SELECT count(*) FROM flyway_schema_history");
    assertFalse(Schema.isCurrent(source(file)), "release 0.1.0 lacks the later migrations");

    assertTrue(Schema.migrate(source(file)));
    assertEquals(Schema.shipped().size(), count(file, "SELECT count(*) FROM flyway_schema_history"));
    assertTrue(before < Schema.shipped().size());
    assertTrue(Schema.isCurrent(source(file)));
  }

  @Test
  void aMissingMigrationIsApplied() throws Exception {
    Path file = dir.resolve("behind.db");
    Schema.migrate(source(file));
    // As if the latest migration had not shipped yet when this database was last opened.
    execute(file, "DELETE FROM flyway_schema_history WHERE installed_rank ="
        + " (SELECT max(installed_rank) FROM flyway_schema_history)");
    assertFalse(Schema.isCurrent(source(file)));
  }

  @Test
  void aChangedMigrationStillReachesFlywayWhichRefusesIt() throws Exception {
    Path file = dir.resolve("changed.db");
    Schema.migrate(source(file));
    execute(file, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

    assertFalse(Schema.isCurrent(source(file)));
    assertThrows(FlywayException.class, () -> Schema.migrate(source(file)),
        "Flyway's validation still sees a changed migration");
  }

  @Test
  void aFailedMigrationIsNotCurrent() throws Exception {
    Path file = dir.resolve("failed.db");
    Schema.migrate(source(file));
    execute(file, "UPDATE flyway_schema_history SET success = 0 WHERE version = '2'");
    assertFalse(Schema.isCurrent(source(file)));
  }

  /**
   * The production jar holds the migrations too, and its class loader names their folder with a
   * trailing slash: the check must find the same migrations there as in target/classes, or every
   * start of the real server runs Flyway (it did, unnoticed, until this test).
   */
  @Test
  void theMigrationsAreFoundInsideAJarAsInAFolder() throws Exception {
    List<Schema.Migration> fromFolder = Schema.shipped();
    URL folder = Schema.class.getClassLoader().getResource(Schema.LOCATION);
    assertEquals("file", folder.getProtocol(), "the tests run from target/classes");
    Path jar = dir.resolve("app.jar");
    // As the shade plugin writes it: a multi-release jar (some dependencies are), whose class
    // loader names entries as found, here "db/migration/"; folder entries first, then the files.
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      out.putNextEntry(new JarEntry("db/"));
      out.closeEntry();
      out.putNextEntry(new JarEntry(Schema.LOCATION + "/"));
      out.closeEntry();
      for (Path file : files.sorted().toList()) {
        out.putNextEntry(new JarEntry(Schema.LOCATION + "/" + file.getFileName()));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      URL inJar = loader.getResource(Schema.LOCATION);
      assertEquals("jar", inJar.getProtocol());
      List<Schema.Migration> fromJar = Schema.shipped(loader);
      assertFalse(fromJar.isEmpty(), "migrations found in " + inJar);
      assertEquals(new HashSet<>(fromFolder), new HashSet<>(fromJar));
    }
  }
}
