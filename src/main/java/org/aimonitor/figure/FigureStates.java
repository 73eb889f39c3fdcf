package org.aimonitor.figure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aimonitor.store.History;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Qualifier;

/**
 * The states a figure has had here, oldest first, from its current state and its revisions: what
 * it said, since when and by which import, and until when. A vintage of the figure ("as it stood
 * at the end of a day", "as first published") is one of these states.
 */
public record FigureStates(List<State> states) {

  /**
   * One state: the value, qualifier, headline flag and note it had, when ({@code recordedAt}, an
   * ISO instant, null for a state older than the import log) and by which import it was recorded,
   * and when and by which import it was replaced (both null for the current state).
   */
  public record State(BigDecimal value, Qualifier qualifier, boolean headline, String note,
      String recordedAt, Long importId, String replacedAt, Long replacedByImport) {

    /** The day it was recorded ("2026-12-07"), or null. */
    public String recordedOn() {
      return day(recordedAt);
    }

    public boolean current() {
      return replacedAt == null;
    }
  }

  public FigureStates {
    states = List.copyOf(states);
  }

  /** The states of {@code o}, whose history {@code h} the shared reads gave. */
  public static FigureStates of(Observation o, History h) {
    List<State> states = new ArrayList<>();
    List<History.Revision> previous = h.previous();
    for (int i = previous.size() - 1; i >= 0; i--) {
      History.Revision r = previous.get(i);
      states.add(new State(new BigDecimal(r.value()), r.qualifierValue(), r.headline(), r.note(),
          r.recordedAt(), r.importId(), r.replacedAt(), r.replacedByImport()));
    }
    states.add(new State(o.value(), o.qualifier(), o.headline(), o.note(), h.recordedAt(),
        h.importId(), null, null));
    return new FigureStates(states);
  }

  public State first() {
    return states.get(0);
  }

  public State current() {
    return states.get(states.size() - 1);
  }

  /**
   * The state the figure had at the end of {@code day}: the newest recorded on or before it (a
   * state older than the import log counts as recorded before any day); empty when the figure
   * was first recorded after that day.
   */
  public Optional<State> asOf(LocalDate day) {
    String end = day.toString();
    State found = null;
    for (State s : states) {
      if (s.recordedOn() == null || s.recordedOn().compareTo(end) <= 0) {
        found = s;
      }
    }
    return Optional.ofNullable(found);
  }

  private static String day(String instant) {
    return instant == null ? null : instant.substring(0, Math.min(10, instant.length()));
  }
}
