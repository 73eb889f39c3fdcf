package org.aimonitor.importer;

import java.util.List;
import org.aimonitor.store.DataError;

/**
 * What an import did or, for a dry run, would do: per-file counts, each added or changed row,
 * and every error found. {@code importId} is set once an import has been applied.
 */
public record ImportReport(
    List<FileSummary> files,
    int added,
    int changed,
    int unchanged,
    List<Change> changes,
    List<DataError> errors,
    Long importId) {

  /** One file of the import. */
  public record FileSummary(String name, String sha256, String table, int rows, int added,
      int changed, int unchanged) {
  }

  /** A row that the import adds or changes; {@code fields} lists "column: old → new" for changes. */
  public record Change(String file, long line, String table, String kind, String key,
      List<String> fields) {
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  public boolean applied() {
    return importId != null;
  }
}
