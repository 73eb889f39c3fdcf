package org.aimonitor.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.aimonitor.store.Column;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataError;

/**
 * Validation of one row: each cell by its column's rule ({@link CsvTable}'s column model), then
 * the rules that look at several cells of the row.
 */
final class Checks {

  private Checks() {
  }

  /**
   * The errors of one row's cells, each on its own. Whether a referenced source or indicator
   * exists is checked later, against the database and the whole import at once.
   */
  static List<DataError> check(CsvTable table, CsvTable.Row row) {
    List<DataError> errors = new ArrayList<>();
    for (Column column : table.model()) {
      String message = column.rule().test(column.name(), row.get(column.name()));
      if (message != null) {
        errors.add(row.error(column.name(), message));
      }
    }
    // chinese: a Chinese text translates the English one beside it.
    if (table == CsvTable.OBSERVATIONS) {
      chinese(row, "note", "note_zh", errors);
    } else if (table == CsvTable.EVENTS) {
      chinese(row, "description_en", "description_zh", errors);
    }
    if (table == CsvTable.SCHEDULES && errors.isEmpty()) {
      // A schedule says where it comes from: the page that states it, or the past releases.
      boolean cited = row.get("basis").equals("cited");
      if (cited && row.get("basis_url").isEmpty()) {
        errors.add(row.error("basis_url", "basis_url is empty: a cited schedule links the page that states it"));
      } else if (!cited && row.get("evidence").isEmpty()) {
        errors.add(row.error("evidence", "evidence is empty: an inferred schedule names the sources"
            + " whose publication dates show its past releases"));
      }
      if (row.get("cadence").equals("irregular") && !(row.get("release_months").isEmpty()
          && row.get("lag_months").isEmpty())) {
        errors.add(row.error("cadence", "an irregular series has no release months or lag"));
      }
    }
    if (table == CsvTable.REGIONS && errors.isEmpty()) {
      // The world is the root of the places; every other place names the place it is part of.
      boolean world = row.get("level").equals("world");
      if (world && !row.get("parent").isEmpty()) {
        errors.add(row.error("parent", "a world region has no parent (\"" + row.get("parent") + "\" given)"));
      } else if (!world && row.get("parent").isEmpty()) {
        errors.add(row.error("parent", "parent is empty: a " + row.get("level")
            + " names the region it is part of"));
      }
    }
    return errors;
  }

  /** Any Han character: a Chinese text has at least one. */
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  /**
   * A Chinese text ({@code zh}) is empty or translates the English text ({@code en}) of the same
   * row: it needs one, is written in Chinese, and has no space at either end.
   */
  private static void chinese(CsvTable.Row row, String en, String zh, List<DataError> errors) {
    String v = row.get(zh);
    if (v.isEmpty()) {
      return;
    }
    if (row.get(en).isEmpty()) {
      errors.add(row.error(zh, zh + " is set but " + en + " is empty: the Chinese text translates"
          + " the English one"));
    } else if (!HAN.matcher(v).find()) {
      errors.add(row.error(zh, zh + " \"" + abbreviate(v) + "\" has no Chinese character"));
    } else if (!v.strip().equals(v)) {
      errors.add(row.error(zh, zh + " begins or ends with a space"));
    }
  }

  private static String abbreviate(String v) {
    return v.length() <= 40 ? v : v.substring(0, 40) + "…";
  }

}
