package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aimonitor.importer.Seeder;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against a real SQLite file: schema, seed, constraints, data version. */
class DatabaseTest {

  @TempDir
  Path dir;

  private Database seeded() {
    Database db = Database.open(dir.resolve("nested/folder/monitor.db"));
    assertTrue(Seeder.seedIfEmpty(db), "an empty database is seeded");
    return db;
  }

  @Test
  void createsTheFolderAndFileAndRecordsTheMigration() {
    Database db = seeded();
    assertTrue(Files.exists(dir.resolve("nested/folder/monitor.db")));
    int applied = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT count(*) FROM flyway_schema_history WHERE success = 1 AND version = '1'")
        .mapTo(Integer.class).one());
    assertEquals(1, applied);
  }

  @Test
  void seedsEveryRowOfTheFourFiles() {
    ViewRows all = org.aimonitor.TestData.everything(seeded());
    assertEquals(org.aimonitor.Seed.SOURCES, all.sources().size());
    assertEquals(org.aimonitor.Seed.INDICATORS, all.indicators().size());
    assertEquals(org.aimonitor.Seed.OBSERVATIONS, all.observations().size());
    assertEquals(org.aimonitor.Seed.EVENTS, all.events().size());
  }

  @Test
  void keepsValuesAndQualifiersExactlyAsPublished() {
    ViewRows all = org.aimonitor.TestData.everything(seeded());
    Observation scale2022 = all.all("ai_core_industry_scale", "CN").stream()
        .filter(o -> o.period().code().equals("2022") && o.headline()).findFirst().orElseThrow();
    assertEquals(new BigDecimal("508.0"), scale2022.value());
    assertEquals("508.0", scale2022.value().toPlainString());
    Observation scale2024 = all.all("ai_core_industry_scale", "CN").stream()
        .filter(o -> o.period().code().equals("2024") && o.headline()).findFirst().orElseThrow();
    assertEquals(Qualifier.LOWER_BOUND, scale2024.qualifier());
    assertEquals("xinhua-2025-10-01", scale2024.source());
  }

  @Test
  void aSecondStartLeavesExistingDataAlone() {
    Database db = seeded();
    db.jdbi().useHandle(h -> h.execute("DELETE FROM event WHERE title_en LIKE '%Politburo%'"));
    Database again = Database.open(db.file());
    assertFalse(Seeder.seedIfEmpty(again));
    assertEquals(org.aimonitor.Seed.EVENTS - 1, org.aimonitor.TestData.events(again).size(), "the deleted event is not re-seeded");
  }

  @Test
  void runsInWalModeWithForeignKeysAndABusyTimeout() {
    Database db = seeded();
    db.jdbi().useHandle(h -> {
      assertEquals("wal", h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
      assertEquals(1, h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
      assertEquals(5000, h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one());
    });
  }

  @Test
  void aCheckpointMergesTheWriteAheadLogEvenWhileAConnectionStaysOpen() throws Exception {
    Database db = seeded();
    Path wal = Path.of(db.file() + "-wal");
    try (Handle open = db.jdbi().open()) {
      open.createQuery("PRAGMA journal_mode").mapTo(String.class).one();
      db.jdbi().useHandle(h -> h.execute("UPDATE observation SET note = 'checked' WHERE id = 1"));
      assertTrue(Files.size(wal) > 0, "with a connection open, the change waits in the log");

      assertTrue(db.checkpoint(), "nothing kept the log busy");

      assertEquals(0, Files.size(wal), "the log was merged and truncated");
    }
    assertEquals("checked", db.jdbi().withHandle(h -> h.createQuery(
        "SELECT note FROM observation WHERE id = 1").mapTo(String.class).one()));
  }

  @Test
  void refusesAnObservationOfAnUnknownSource() {
    Database db = seeded();
    assertThrows(UnableToExecuteStatementException.class, () -> db.jdbi().useHandle(h -> insert(h,
        "ai_core_industry_scale", "2019", "1", "no-such-source", 0)));
  }

  @Test
  void refusesASecondHeadlineForTheSamePeriod() {
    Database db = seeded();
    UnableToExecuteStatementException e = assertThrows(UnableToExecuteStatementException.class,
        () -> db.jdbi().useHandle(h -> insert(h, "ai_core_industry_scale", "2024", "901",
            "caixin-2017-07-21", 1)));
    assertTrue(e.getMessage().contains("UNIQUE"), e.getMessage());
  }

  @Test
  void refusesValuesOutsideTheVocabularies() {
    Database db = seeded();
    assertThrows(UnableToExecuteStatementException.class, () -> db.jdbi().useHandle(h -> h.execute(
        "UPDATE observation SET qualifier = 'guess' WHERE id = 1")));
    assertThrows(UnableToExecuteStatementException.class, () -> db.jdbi().useHandle(h -> h.execute(
        "UPDATE observation SET region = 'Mars' WHERE id = 1")));
  }

  @Test
  void theDataVersionMovesOnWithEveryChangeAndNotOnReads() {
    Database db = seeded();
    long seeded = db.store().dataVersion();
    assertTrue(seeded > 0);
    org.aimonitor.TestData.observations(db);
    assertEquals(seeded, db.store().dataVersion(), "reading changes nothing");
    db.jdbi().useHandle(h -> h.execute("UPDATE observation SET note = 'checked' WHERE id = 1"));
    assertTrue(db.store().dataVersion() > seeded);
  }

  @Test
  void aFailedSeedLeavesTheDatabaseEmpty() {
    Database db = Database.open(dir.resolve("monitor.db"));
    db.jdbi().useHandle(h -> h.execute(
        "CREATE TRIGGER fail_on_events BEFORE INSERT ON event BEGIN SELECT RAISE(ABORT, 'boom'); END"));
    assertThrows(RuntimeException.class, () -> Seeder.seedIfEmpty(db));
    assertEquals(List.of(), org.aimonitor.TestData.sources(db), "sources were rolled back with the events");
    assertEquals(0, db.store().observationCount());
  }

  private static void insert(Handle h, String indicator, String period, String value, String source,
      int headline) {
    h.createUpdate("""
        INSERT INTO observation (indicator, region, period, value, qualifier, source, headline, note)
        VALUES (:indicator, 'CN', :period, :value, 'reported', :source, :headline, '')
        """)
        .bind("indicator", indicator).bind("period", period).bind("value", value)
        .bind("source", source).bind("headline", headline)
        .execute();
  }
}
