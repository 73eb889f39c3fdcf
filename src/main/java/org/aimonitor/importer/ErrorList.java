package org.aimonitor.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.aimonitor.store.DataError;

/**
 * The errors of one import in reading order (files in the order they are applied, then line and
 * column), keeping only the first {@link Importer#MAX_ERRORS} and counting the rest, so a file
 * of 50,000 bad rows costs no more memory than one of 101.
 */
final class ErrorList {

  /** An error with where it sorts: the file's place in the import, then line and column. */
  private record Entry(int fileRank, long seq, DataError error) {
  }

  private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::fileRank)
      .thenComparingLong(e -> e.error().line())
      .thenComparingLong(e -> e.error().column())
      .thenComparingLong(Entry::seq);

  private final int limit;
  private final TreeSet<Entry> first = new TreeSet<>(ORDER);
  private long seq;
  private long count;

  ErrorList(int limit) {
    this.limit = limit;
  }

  void add(int fileRank, DataError error) {
    count++;
    first.add(new Entry(fileRank, seq++, error));
    if (first.size() > limit) {
      first.pollLast();
    }
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** The errors kept, in order, and a last line saying how many more were found. */
  List<DataError> list() {
    List<DataError> errors = new ArrayList<>(first.size() + 1);
    first.forEach(e -> errors.add(e.error()));
    if (count > first.size()) {
      DataError last = errors.get(errors.size() - 1);
      errors.add(new DataError(last.file(), 0, 0,
          "more errors not listed (" + (count - first.size()) + " more)"));
    }
    return errors;
  }
}
