package org.aimonitor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jdbi.v3.core.Jdbi;
import org.aimonitor.json.Json;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the SQLite file with the settings every connection needs (WAL, foreign keys, a busy
 * timeout), brings its schema up to date with Flyway, and hands out a configured {@link Jdbi}.
 */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private static final int BUSY_TIMEOUT_MS = 5_000;

  private final Path file;
  private final Jdbi jdbi;
  /** Made on first use: a server that only reads (most starts) never needs it. */
  private Jdbi writer;
  private final SQLiteDataSource dataSource;
  private java.sql.Connection versionConnection;

  private Database(Path file, Jdbi jdbi, SQLiteDataSource dataSource, LongSupplier ticker) {
    this.file = file;
    this.jdbi = jdbi;
    this.dataSource = dataSource;
    this.ticker = ticker;
    refreshAfterEachHandle(jdbi);
  }

  /**
   * A handle that closes may have committed (an import, a staff change, a test's write): the
   * version is asked at once, so the next reader sees it.
   */
  private void refreshAfterEachHandle(Jdbi handles) {
    handles.getConfig(org.jdbi.v3.core.Handles.class).addListener(
        new org.jdbi.v3.core.HandleListener() {
          @Override
          public void handleClosed(org.jdbi.v3.core.Handle handle) {
            refresh();
          }
        });
  }

  /**
   * The data version and when it last changed (an ISO instant), with the latest import and when
   * it was logged ({@code lastImport} 0 and {@code lastImportAt} null before the first). An
   * import that changes nothing moves no data version but is still news: the import log and
   * "new since your last visit" show it, so caches key on both.
   */
  public record Version(long number, String changedAt, long lastImport, String lastImportAt) {
  }

  /**
   * The one read of the data version ({@link #version()} on its own connection,
   * {@link DataStore#version()} in a view's transaction), mapped by {@link #VERSION_ROW}.
   */
  static final String VERSION = """
      SELECT d.version AS number, d.changed_at, l.id AS last_import, l.imported_at AS last_import_at
      FROM data_version d
      LEFT JOIN import_log l ON l.id = (SELECT max(id) FROM import_log)
      WHERE d.id = 1
      """;

  private static final RowMapper<Version> VERSION_ROW = (rs, ctx) -> new Version(
      rs.getLong("number"), rs.getString("changed_at"), rs.getLong("last_import"),
      rs.getString("last_import_at"));

  /**
   * The data version stored in another database file, such as a snapshot: opened read-only and
   * only for this read, so the file is neither migrated nor written.
   */
  public static Version versionOf(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try (java.sql.Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        var statement = connection.createStatement();
        var rs = statement.executeQuery(VERSION)) {
      rs.next();
      return VERSION_ROW.map(rs, null);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the data version of " + file, e);
    }
  }

  /**
   * How often, at most, {@link #version()} asks SQLite whether another connection committed
   * ({@code PRAGMA data_version}): a change made by another process (the command line) is seen
   * within this delay; one made through this {@code Database} at once.
   */
  public static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

  /** The version readers are served; null until first read. */
  private volatile Version current;
  /** When (in {@link #ticker} nanoseconds) SQLite was last asked; guarded by {@link #checking}. */
  private volatile long checkedAt;
  /** What {@code PRAGMA data_version} said then on {@link #versionConnection}. */
  private long pragmaVersion = Long.MIN_VALUE;
  private final java.util.concurrent.locks.ReentrantLock checking =
      new java.util.concurrent.locks.ReentrantLock();
  private final LongSupplier ticker;

  /**
   * The current data version, held in memory: every request of a cached page asks, so a hit
   * costs no SQL and waits for no lock. It moves on at once when a handle of this
   * {@code Database} closes (an import, any write through it: {@link #refresh()}), and within
   * {@link #CHECK_INTERVAL} when another process commits: the first caller after the interval
   * asks SQLite's {@code PRAGMA data_version} (a read of the file header, on one connection kept
   * open for it) and reads the version row only when it moved. Callers that arrive while one
   * asks get the version held, never wait.
   */
  public Version version() {
    Version v = current;
    if (v != null && ticker.getAsLong() - checkedAt < CHECK_INTERVAL.toNanos()) {
      return v;
    }
    if (v == null) {
      checking.lock();
    } else if (!checking.tryLock()) {
      return v;
    }
    try {
      return check();
    } finally {
      checking.unlock();
    }
  }

  /**
   * Asks SQLite now, waiting for a check under way: after a commit through this database, so
   * that no reader who can see the new data is served a page of the old version. A failure is
   * left to the next {@link #version()} (a handle that closes must not fail for it).
   */
  public void refresh() {
    checking.lock();
    try {
      check();
    } catch (IllegalStateException e) {
      LOG.debug("cannot read the data version after a write", e);
    } finally {
      checking.unlock();
    }
  }

  /**
   * Reads the version row, whatever {@code PRAGMA data_version} says, and fails when it cannot:
   * what {@code /healthz} calls, at its own bounded rate, to know the database answers.
   */
  public Version readVersion() {
    checking.lock();
    try {
      pragmaVersion = Long.MIN_VALUE;
      return check();
    } finally {
      checking.unlock();
    }
  }

  /** Called holding {@link #checking}. */
  private Version check() {
    try {
      if (versionConnection == null || versionConnection.isClosed()) {
        versionConnection = dataSource.getConnection();
        pragmaVersion = Long.MIN_VALUE;
      }
      long now = ticker.getAsLong();
      long pragma;
      try (var statement = versionConnection.createStatement();
          var rs = statement.executeQuery("PRAGMA data_version")) {
        rs.next();
        pragma = rs.getLong(1);
      }
      if (pragma != pragmaVersion || current == null) {
        try (var statement = versionConnection.createStatement();
            var rs = statement.executeQuery(VERSION)) {
          rs.next();
          current = VERSION_ROW.map(rs, null);
        }
        pragmaVersion = pragma;
      }
      checkedAt = now;
      return current;
    } catch (java.sql.SQLException e) {
      closeVersionConnection();
      throw new IllegalStateException("cannot read the data version", e);
    }
  }

  private void closeVersionConnection() {
    if (versionConnection != null) {
      try {
        versionConnection.close();
      } catch (java.sql.SQLException ignored) {
        // Closing a broken connection: nothing more to do.
      }
      versionConnection = null;
    }
  }

  /** Opens (creating the folder and file when missing) and migrates the database at {@code file}. */
  public static Database open(Path file) {
    return open(file, System::nanoTime);
  }

  /**
   * As {@link #open(Path)}, timing {@link #CHECK_INTERVAL} by {@code ticker} (nanoseconds), so a
   * test can say when the interval has passed.
   */
  public static Database open(Path file, LongSupplier ticker) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the database folder " + parent, e);
    }
    SQLiteDataSource dataSource = dataSource(file, SQLiteConfig.TransactionMode.DEFERRED);

    // Flyway only when the history lacks a shipped migration (see Schema): a restart on a
    // current database does not load it at all.
    Schema.migrate(dataSource);

    Jdbi jdbi = configure(Jdbi.create(dataSource));
    return new Database(file, jdbi, dataSource, ticker);
  }

  /**
   * Loads and initialises jdbi's classes by configuring a handle factory that is never used (no
   * connection is made): a server start runs this on a second thread while the first opens the
   * SQLite file and checks its schema.
   */
  public static void warmUp() {
    configure(Jdbi.create(new SQLiteDataSource()));
  }

  private static SQLiteDataSource dataSource(Path file, SQLiteConfig.TransactionMode mode) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(mode);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }

  private static Jdbi configure(Jdbi jdbi) {
    jdbi.installPlugin(new SqlObjectPlugin());
    // Null stays null: a left join that found no figure maps to no record (@PropagateNull).
    jdbi.registerColumnMapper(Period.class, text(Period::parse));
    jdbi.registerColumnMapper(Qualifier.class, text(Qualifier::parse));
    jdbi.registerColumnMapper(PartialDate.class, text(PartialDate::parseOptional));
    jdbi.registerColumnMapper(BigDecimal.class, text(BigDecimal::new));
    // Every row is mapped here, once: queries name their columns as these records do.
    for (Class<?> record : java.util.List.of(Source.class, Observation.class, Event.class,
        Region.class, Term.class, Indicator.class, Histories.Recorded.class,
        Histories.Replaced.class)) {
      jdbi.registerRowMapper(ConstructorMapper.factory(record));
    }
    jdbi.registerRowMapper(Version.class, VERSION_ROW);
    // The order of region levels, from its one list, for queries that sort places by level.
    jdbi.define(Region.LEVEL_RANK, Region.levelRank("r.level"));
    jdbi.registerRowMapper(new Keyset.KeyedRows());
    // Cells as a revision or a row-change query gives them: a JSON object of text.
    jdbi.registerColumnMapper(new GenericType<Map<String, String>>() { },
        (rs, col, ctx) -> Json.readMap(rs.getString(col)));
    jdbi.registerArgument(asText(Period.class, Period::code));
    jdbi.registerArgument(asText(PartialDate.class, PartialDate::code));
    jdbi.registerArgument(asText(Qualifier.class, Qualifier::code));
    // Bound as text so a value keeps its published digits ("508.0" stays "508.0").
    jdbi.registerArgument(asText(BigDecimal.class, BigDecimal::toPlainString));
    return jdbi;
  }

  /** A column of text read as a {@code T}; null when the column is. */
  private static <T> ColumnMapper<T> text(Function<String, T> parse) {
    return (rs, col, ctx) -> {
      String text = rs.getString(col);
      return text == null ? null : parse.apply(text);
    };
  }

  private static <T> ArgumentFactory asText(Class<T> type, Function<T, String> text) {
    return (declared, value, config) -> declared == type || type.isInstance(value)
        ? Optional.of((position, statement, ctx) ->
            statement.setString(position, value == null ? null : text.apply(type.cast(value))))
        : Optional.empty();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * The handle factory for writes: transactions begin IMMEDIATE (take the write lock at once),
   * so a read-then-write import waits for another writer instead of failing when it tries to
   * upgrade its lock.
   */
  public synchronized Jdbi writer() {
    if (writer == null) {
      writer = configure(Jdbi.create(dataSource(file, SQLiteConfig.TransactionMode.IMMEDIATE)));
      refreshAfterEachHandle(writer);
    }
    return writer;
  }

  public Path file() {
    return file;
  }

  /**
   * Merges the write-ahead log into the database file and truncates it, so that the file alone
   * holds every committed change (a copy or backup of just {@code monitor.db} loses nothing).
   * Called on shutdown after the server has stopped. SQLite also does this when the last
   * connection closes; calling it makes it happen even if some connection is still open.
   *
   * @return whether the whole log was merged (false when another connection kept it busy)
   */
  public boolean checkpoint() {
    // The data-version connection is the only long-lived one; close it so the log can go (and
    // use none of jdbi's handles, whose closing would open it again).
    checking.lock();
    try {
      closeVersionConnection();
      // Columns: busy (1 if blocked), frames in the log, frames checkpointed.
      try (var connection = dataSource.getConnection();
          var statement = connection.createStatement();
          var rs = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        rs.next();
        return rs.getInt(1) == 0;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot checkpoint " + file, e);
    } finally {
      checking.unlock();
    }
  }

  /** The read side of the store, bound to this database. */
  public DataStore store() {
    return jdbi.onDemand(DataStore.class);
  }
}
