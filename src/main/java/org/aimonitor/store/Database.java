package org.aimonitor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

  private static final int BUSY_TIMEOUT_MS = 5_000;

  private final Path file;
  private final Jdbi jdbi;
  /** Made on first use: a server that only reads (most starts) never needs it. */
  private Jdbi writer;
  private final SQLiteDataSource dataSource;
  private java.sql.Connection versionConnection;

  private Database(Path file, Jdbi jdbi, SQLiteDataSource dataSource) {
    this.file = file;
    this.jdbi = jdbi;
    this.dataSource = dataSource;
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
   * The current data version, read on one connection kept open for the purpose: every request
   * of a cached page asks, so it must not open a connection each time (nor build a SQL object:
   * the start-up log line asks too). Each query is its own read transaction, so a commit by any
   * process (server or command line) is seen at once.
   */
  public synchronized Version version() {
    try {
      if (versionConnection == null || versionConnection.isClosed()) {
        versionConnection = dataSource.getConnection();
      }
      try (var statement = versionConnection.createStatement();
          var rs = statement.executeQuery(VERSION)) {
        rs.next();
        return VERSION_ROW.map(rs, null);
      }
    } catch (java.sql.SQLException e) {
      closeVersionConnection();
      throw new IllegalStateException("cannot read the data version", e);
    }
  }

  private synchronized void closeVersionConnection() {
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
    return new Database(file, jdbi, dataSource);
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
    // The data-version connection is the only long-lived one; close it so the log can go.
    closeVersionConnection();
    // Columns: busy (1 if blocked), frames in the log, frames checkpointed.
    return jdbi.withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)")
        .map((rs, ctx) -> rs.getInt(1) == 0)
        .one());
  }

  /** The read side of the store, bound to this database. */
  public DataStore store() {
    return jdbi.onDemand(DataStore.class);
  }
}
