package org.aimonitor.importer;

import java.util.List;
import org.aimonitor.store.Database;

/** Every row of every table as text: two equal dumps mean the database did not change at all. */
public final class DatabaseDump {

  private static final List<String> TABLES = List.of("source", "indicator", "observation", "event",
      "data_version", "import_log", "revision");

  private DatabaseDump() {
  }

  public static String of(Database db) {
    return db.jdbi().withHandle(h -> {
      StringBuilder out = new StringBuilder();
      for (String table : TABLES) {
        out.append("## ").append(table).append('\n');
        h.createQuery("SELECT * FROM " + table + " ORDER BY rowid").mapToMap().forEach(row ->
            out.append(row).append('\n'));
      }
      return out.toString();
    });
  }
}
