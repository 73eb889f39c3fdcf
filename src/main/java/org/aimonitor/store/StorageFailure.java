package org.aimonitor.store;

import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Why the server could not write or read its files, when that is the cause of an error: the
 * disk is full, the database is read-only, or another input/output failure. Each surface turns
 * it into its own clear answer (JSON on the API, the kept preview on the web, a sentence and an
 * exit status on the command line) instead of a stack trace. A client that went away is not one.
 */
public enum StorageFailure {
  /** No space left: SQLite's SQLITE_FULL or the operating system's ENOSPC. */
  FULL,
  /** The database file or its folder cannot be written (SQLITE_READONLY). */
  READ_ONLY,
  /** Another failure to read or write the files (SQLITE_IOERR, SQLITE_CANTOPEN). */
  IO;

  /** The storage failure behind {@code error}, found anywhere in its causes. */
  public static Optional<StorageFailure> of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLiteException sqlite) {
        Optional<StorageFailure> found = of(sqlite.getResultCode());
        if (found.isPresent()) {
          return found;
        }
      }
      if (t instanceof java.io.IOException && String.valueOf(t.getMessage()).contains("No space left on device")) {
        return Optional.of(FULL);
      }
    }
    return Optional.empty();
  }

  private static Optional<StorageFailure> of(SQLiteErrorCode code) {
    String name = code == null ? "" : code.name();
    if (name.startsWith("SQLITE_FULL")) {
      return Optional.of(FULL);
    }
    if (name.startsWith("SQLITE_READONLY")) {
      return Optional.of(READ_ONLY);
    }
    if (name.startsWith("SQLITE_IOERR") || name.startsWith("SQLITE_CANTOPEN")) {
      return Optional.of(IO);
    }
    return Optional.empty();
  }

  /** The message key of {@link #sentence()} in the interface bundles. */
  public String messageKey() {
    return switch (this) {
      case FULL -> "storage.full";
      case READ_ONLY -> "storage.read-only";
      case IO -> "storage.io";
    };
  }

  /** One plain English sentence for the command line and the API. */
  public String sentence() {
    return switch (this) {
      case FULL -> "the disk is full";
      case READ_ONLY -> "the database cannot be written (it or its folder is read-only)";
      case IO -> "the database file could not be read or written (an input/output error)";
    };
  }
}
