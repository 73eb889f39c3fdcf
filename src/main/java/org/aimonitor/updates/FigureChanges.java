package org.aimonitor.updates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.jdbi.v3.core.Handle;

/**
 * What one import did to the figures, read a page at a time. The states an import recorded are
 * the figures whose current state it set, and the states it set that a later import replaced
 * (kept as revisions); each is a change when a revision made by the import holds the state
 * before it, else an addition. An import of 40,000 rows is never read whole: pages are bounded,
 * and previews take the first rows in the order they were imported.
 */
public final class FigureChanges {

  /** What a figure said in one state. */
  public record State(BigDecimal value, Qualifier qualifier, boolean headline, String note) {

    static State of(Map<String, String> csv) {
      return new State(new BigDecimal(csv.get("value")), Qualifier.parse(csv.get("qualifier")),
          "1".equals(csv.get("headline")), csv.getOrDefault("note", ""));
    }
  }

  /**
   * A figure an import added or changed: its key, the state the import recorded, the state
   * before it ({@code null} when the import added the figure) and the later import that
   * replaced the recorded state ({@code null} while it is current). {@code key} is its place in
   * {@link UpdateQueries#CHANGE_ORDER}, for the API's cursors.
   */
  public record Change(long observationId, String indicator, String region, Period period,
      String source, State after, State before, Long replacedBy, List<Object> key) {

    public boolean added() {
      return before == null;
    }

    /** The figure as the import recorded it. */
    public Observation observation() {
      return new Observation(indicator, region, period, after.value(), after.qualifier(), source,
          after.headline(), after.note());
    }

    Change withBefore(State state) {
      return new Change(observationId, indicator, region, period, source, after, state, replacedBy,
          key);
    }
  }

  private FigureChanges() {
  }

  /**
   * Up to {@code limit} changes of the import in {@link UpdateQueries#CHANGE_ORDER}, after the cursor {@code after}
   * (null: from the first) and {@code offset} rows; only {@code indicator}'s when it is not null.
   */
  public static List<Change> page(Handle h, long importId, String indicator, List<Object> after,
      int limit, long offset) {
    List<Change> rows = h.attach(UpdateQueries.class)
        .recorded(importId, indicator, UpdateQueries.CHANGE_ORDER.after(after), limit, offset).stream()
        .map(k -> change(k.row(), k.key())).toList();
    return withBefore(h, importId, rows);
  }

  /** How many figures the import recorded (only {@code indicator}'s when it is not null). */
  public static long count(Handle h, long importId, String indicator) {
    return h.attach(UpdateQueries.class).recordedCount(importId, indicator);
  }

  /**
   * How many of {@code indicator}'s figures the import recorded it changed rather than added:
   * the revisions it made of them.
   */
  public static long changedCount(Handle h, long importId, String indicator) {
    return h.attach(UpdateQueries.class).changedCount(importId, indicator);
  }

  /**
   * The first {@code limit} changes of the import in the order it recorded them (current states
   * first), read through the import indexes without sorting the import: what a list of imports
   * previews.
   */
  public static List<Change> preview(Handle h, long importId, String indicator, int limit) {
    UpdateQueries queries = h.attach(UpdateQueries.class);
    List<Change> rows = new ArrayList<>();
    queries.firstCurrent(importId, indicator, limit).forEach(r -> rows.add(change(r, List.of())));
    if (rows.size() < limit) {
      queries.firstReplaced(importId, indicator, limit - rows.size())
          .forEach(r -> rows.add(change(r, List.of())));
    }
    return withBefore(h, importId, rows);
  }

  /**
   * The most recent imports, newest first, that recorded a state of {@code indicator}'s
   * figures: at most {@code limit} ids.
   */
  public static List<Long> importsOf(Handle h, String indicator, int limit) {
    return h.attach(UpdateQueries.class).importsOf(indicator, limit);
  }

  private static Change change(UpdateQueries.RecordedState r, List<Object> key) {
    return new Change(r.obsId(), r.indicator(), r.region(), r.period(), r.source(), r.state(),
        null, r.replacedBy(), key);
  }

  /** The same changes with the states before the import, read in one query. */
  private static List<Change> withBefore(Handle h, long importId, List<Change> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, State> before = new HashMap<>();
    h.attach(UpdateQueries.class)
        .before(importId, rows.stream().map(Change::observationId).toList())
        .forEach(b -> before.put(b.observationId(), State.of(b.oldValues())));
    return rows.stream().map(c -> before.containsKey(c.observationId())
        ? c.withBefore(before.get(c.observationId())) : c).toList();
  }
}
