package org.aimonitor.importer;

import java.time.Instant;
import java.util.Map;
import org.aimonitor.download.DownloadSizes;
import org.aimonitor.freshness.FreshnessWriter;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.ImportLog;
import org.aimonitor.store.SearchIndex;
import org.jdbi.v3.core.Handle;

/**
 * The apply half of an import: once {@link Importer} has validated the staged rows and decided
 * each one added, changed or unchanged, this logs the import, keeps the replaced states as
 * revisions, writes the rows, and brings what is derived from them up to date (schedule links,
 * the search index, download sizes, freshness), all in the import's transaction.
 */
final class ImportWriter {

  private ImportWriter() {
  }

  /**
   * Logs the import, keeps revisions, and writes the staged rows, tables in dependency order
   * ({@code staged} is keyed by table, in table order); then what is worked out once per import.
   *
   * @return the import's id in the import log
   */
  static long write(Handle handle, Map<CsvTable, StagedTable> staged, String who, String reason,
      String filesJson, int added, int changed, int unchanged) {
    String now = Instant.now().toString();
    long importId = ImportLog.on(handle).insert(now, who, reason, filesJson, added, changed, unchanged);
    for (StagedTable t : staged.values()) {
      t.keepRevisions(now, importId);
      if (t.table == CsvTable.OBSERVATIONS) {
        // Headlines that go first, so no group ever holds two while the rows are replaced.
        t.applyChanges("s.headline = '0'", now, importId);
        t.applyChanges("s.headline = '1'", now, importId);
      } else {
        t.applyChanges("1 = 1", now, importId);
      }
      t.insertAdded(now, importId);
    }
    StagedTable schedules = staged.get(CsvTable.SCHEDULES);
    if (schedules != null) {
      linkSchedules(handle, schedules);
    }
    index(handle, staged);
    // Worked out once here, so pages read them instead of scanning the data.
    DownloadSizes.record(handle);
    FreshnessWriter.record(handle);
    return importId;
  }

  /**
   * Indexes for search what the import added or changed, in its transaction: an indicator when
   * it or its category changed, a place when it or one of its short forms did, sources, events.
   */
  private static void index(Handle h, Map<CsvTable, StagedTable> staged) {
    String changed = " WHERE kind <> 'unchanged'";
    for (StagedTable t : staged.values()) {
      switch (t.table) {
        case INDICATORS -> SearchIndex.mark(h, SearchIndex.INDICATOR, "SELECT code FROM " + t.name + changed);
        case CATEGORIES -> SearchIndex.mark(h, SearchIndex.INDICATOR, "SELECT code FROM indicator"
            + " WHERE category IN (SELECT category FROM " + t.name + changed + ")");
        case REGIONS -> SearchIndex.mark(h, SearchIndex.PLACE, "SELECT code FROM " + t.name + changed);
        case ALIASES -> SearchIndex.mark(h, SearchIndex.PLACE, "SELECT region FROM " + t.name + changed);
        case SOURCES -> SearchIndex.mark(h, SearchIndex.SOURCE, "SELECT id FROM " + t.name + changed);
        case EVENTS -> SearchIndex.mark(h, SearchIndex.EVENT, "SELECT o.id FROM event o JOIN " + t.name
            + " s ON " + t.sameKey() + " WHERE s.kind <> 'unchanged'");
        default -> {
          // Figures are found through their indicator and place; the rest is not searched.
        }
      }
    }
    SearchIndex.update(h);
  }

  /** The series each staged schedule feeds, as rows of schedule_indicator (its list, split). */
  private static void linkSchedules(Handle h, StagedTable t) {
    h.execute("DELETE FROM schedule_indicator WHERE series IN (SELECT series FROM " + t.name
        + " WHERE kind <> 'unchanged')");
    var insert = h.prepareBatch("INSERT OR IGNORE INTO schedule_indicator (indicator, series) VALUES (?, ?)");
    h.createQuery("SELECT series, indicators FROM " + t.name + " WHERE kind <> 'unchanged'")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .forEach(e -> {
          for (String indicator : e.getValue().split(" ")) {
            insert.bind(0, indicator).bind(1, e.getKey()).add();
          }
        });
    if (insert.size() > 0) {
      insert.execute();
    }
  }
}
