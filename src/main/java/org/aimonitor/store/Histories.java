package org.aimonitor.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.json.Json;
import org.jdbi.v3.core.Handle;

/**
 * The histories of the observations a view shows, read in one query through the revisions'
 * {@code observation_id} index: when each figure took its state, and the states it replaced.
 */
public final class Histories {

  /** An observation as read with its row id and the import that recorded its state. */
  public record Recorded(long id, Observation observation, String recordedAt, Long importId) {
  }

  private Histories() {
  }

  /** The histories of {@code rows}, keyed by {@link History#key(Observation)}. */
  public static Map<String, History> of(Handle h, List<Recorded> rows) {
    Map<String, History> histories = new HashMap<>();
    if (rows.isEmpty()) {
      return histories;
    }
    Map<Long, List<History.Revision>> previous = new HashMap<>();
    h.createQuery("""
        SELECT observation_id, old_values, old_recorded_at, old_import_id, replaced_at, import_id
        FROM revision WHERE observation_id IN (<ids>) ORDER BY id DESC
        """)
        .bindList("ids", rows.stream().map(Recorded::id).toList())
        .map((rs, ctx) -> {
          Map<String, String> old = Json.readMap(rs.getString("old_values"));
          long oldImport = rs.getLong("old_import_id");
          Long oldImportId = rs.wasNull() ? null : oldImport;
          return Map.entry(rs.getLong("observation_id"), new History.Revision(old.get("value"),
              old.get("qualifier"), "1".equals(old.get("headline")), old.get("note"),
              rs.getString("old_recorded_at"), oldImportId, rs.getString("replaced_at"),
              rs.getLong("import_id")));
        })
        .forEach(e -> previous.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    for (Recorded r : rows) {
      histories.put(History.key(r.observation()), new History(r.recordedAt(), r.importId(),
          List.copyOf(previous.getOrDefault(r.id(), List.of()))));
    }
    return histories;
  }

  /** An observation row's columns as a record (the query selects them with these names). */
  public static Recorded read(java.sql.ResultSet rs, String indicator) throws java.sql.SQLException {
    long importId = rs.getLong("import_id");
    Long imported = rs.wasNull() ? null : importId;
    return new Recorded(rs.getLong("id"), new Observation(indicator, rs.getString("region"),
        Period.parse(rs.getString("period")), new java.math.BigDecimal(rs.getString("value")),
        Qualifier.parse(rs.getString("qualifier")), rs.getString("source"),
        rs.getInt("headline") == 1, rs.getString("note")), rs.getString("recorded_at"), imported);
  }
}
