package org.aimonitor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.ArgumentFactory;
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

  private Database(Path file, Jdbi jdbi) {
    this.file = file;
    this.jdbi = jdbi;
  }

  /** Opens (creating the folder and file when missing) and migrates the database at {@code file}. */
  public static Database open(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the database folder " + parent, e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();

    Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    jdbi.registerColumnMapper(Period.class, (rs, col, ctx) -> Period.parse(rs.getString(col)));
    jdbi.registerColumnMapper(Qualifier.class, (rs, col, ctx) -> Qualifier.parse(rs.getString(col)));
    jdbi.registerColumnMapper(PartialDate.class,
        (rs, col, ctx) -> PartialDate.parseOptional(rs.getString(col)));
    jdbi.registerColumnMapper(BigDecimal.class, (rs, col, ctx) -> {
      String text = rs.getString(col);
      return text == null ? null : new BigDecimal(text);
    });
    jdbi.registerArgument(asText(Period.class, Period::code));
    jdbi.registerArgument(asText(PartialDate.class, PartialDate::code));
    jdbi.registerArgument(asText(Qualifier.class, Qualifier::code));
    // Bound as text so a value keeps its published digits ("508.0" stays "508.0").
    jdbi.registerArgument(asText(BigDecimal.class, BigDecimal::toPlainString));
    return new Database(file, jdbi);
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
