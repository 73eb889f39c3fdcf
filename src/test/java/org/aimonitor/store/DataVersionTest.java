package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.aimonitor.SeededDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data version held in memory: moved at once by a write through the same {@link Database},
 * within {@link Database#CHECK_INTERVAL} by a write of another process (another connection to
 * the same file, which is all SQLite sees of a process), and never read from SQLite in between.
 * The interval is timed by a ticker the test moves, so nothing here depends on the clock.
 */
class DataVersionTest {

  @TempDir
  Path dir;

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private Database open() {
    Database db = Database.open(SeededDatabase.copyTo(dir.resolve("monitor.db")), now::get);
    return db;
  }

  private static void change(Database db, String note) {
    db.jdbi().useHandle(h -> h.execute("UPDATE observation SET note = ? WHERE id = 1", note));
  }

  @Test
  void aWriteThroughThisDatabaseMovesTheVersionAtOnce() {
    Database db = open();
    Database.Version before = db.version();
    change(db, "here");
    Database.Version after = db.version();
    assertTrue(after.number() > before.number(), before + " then " + after);
  }

  @Test
  void anotherProcessesCommitIsSeenOnceTheIntervalHasPassedAndNotAskedForBefore() {
    Database server = open();
    Database commandLine = Database.open(dir.resolve("monitor.db"));
    Database.Version before = server.version();

    change(commandLine, "from the command line");
    // Within the interval the server asks SQLite nothing: it keeps answering what it holds.
    for (int i = 0; i < 1_000; i++) {
      assertSame(before, server.version());
    }
    now.addAndGet(Database.CHECK_INTERVAL.toNanos() - 1);
    assertSame(before, server.version(), "not yet: the interval has not passed");

    now.addAndGet(1);
    Database.Version after = server.version();
    assertTrue(after.number() > before.number(), before + " then " + after);
    assertEquals(commandLine.version(), after, "the same version as the writer's own");
  }

  @Test
  void aCheckThatFindsNothingNewKeepsTheVersionAndAsksAgainOnlyAfterTheNextInterval() {
    Database server = open();
    Database commandLine = Database.open(dir.resolve("monitor.db"));
    Database.Version before = server.version();
    now.addAndGet(Database.CHECK_INTERVAL.toNanos());
    assertSame(before, server.version(), "nothing committed: the same version");

    change(commandLine, "later");
    now.addAndGet(Database.CHECK_INTERVAL.toNanos() / 2);
    assertSame(before, server.version());
    now.addAndGet(Database.CHECK_INTERVAL.toNanos() / 2);
    assertNotEquals(before, server.version());
  }

  @Test
  void readVersionAsksTheDatabaseWhateverTheInterval() {
    Database server = open();
    Database commandLine = Database.open(dir.resolve("monitor.db"));
    Database.Version before = server.version();
    change(commandLine, "now");
    assertTrue(server.readVersion().number() > before.number());
    assertTrue(server.version().number() > before.number(), "and holds what it read");
  }
}
