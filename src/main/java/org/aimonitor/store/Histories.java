package org.aimonitor.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.PropagateNull;

/**
 * The histories of the observations a view shows, read in one query through the revisions'
 * {@code observation_id} index: when each figure took its state, and the states it replaced.
 */
public final class Histories {

  /**
   * An observation as read with its row id and the import that recorded its state (columns
   * {@code id}, the observation's, {@code recorded_at}, {@code import_id}); null where a left
   * join found none ({@code id} null).
   */
  public record Recorded(@PropagateNull long id, @Nested Observation observation,
      String recordedAt, Long importId) {
  }

  /** A state an observation had before an import replaced it ({@link DataStore#revisions}). */
  public record Replaced(long observationId, @Nested History.Revision revision) {
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
    h.attach(DataStore.class).revisions(rows.stream().map(Recorded::id).toList())
        .forEach(r -> previous.computeIfAbsent(r.observationId(), k -> new ArrayList<>())
            .add(r.revision()));
    for (Recorded r : rows) {
      histories.put(History.key(r.observation()), new History(r.recordedAt(), r.importId(),
          List.copyOf(previous.getOrDefault(r.id(), List.of())), r.id()));
    }
    return histories;
  }
}
