package org.aimonitor.dashboard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Event;
import org.aimonitor.store.Observation;
import org.aimonitor.store.ViewRows;
import org.jdbi.v3.core.Handle;

/**
 * What the overview and the summary read: the handful of series their cards and charts show,
 * the newest events, and the sources those cite. Its size follows what the pages show, not
 * the database: neither page grows when more indicators, regions or sources are imported.
 */
public final class DashboardData {

  /** Every indicator the overview's and the summary's cards and charts use. */
  static final List<String> INDICATORS = Stream.concat(
      Stream.of(DashboardCharts.SCALE, DashboardCharts.GROWTH, DashboardCharts.ENTERPRISES,
          "ai_enterprises_global_share", "ai_phone_share", "ai_pc_share", "l2_adas_penetration",
          "ai_terminal_penetration"),
      DashboardCharts.SEGMENTS.stream()).toList();

  /** The regions they are drawn for: China, and the world beside it for enterprise counts. */
  static final List<String> REGIONS = List.of("CN", "WORLD");

  /** Years back from this one that the overview and the summary draw; indicator pages have the rest. */
  public static final int YEARS = 15;

  /**
   * The years a page draws: periods that end in {@code since} or later. {@code older} are the
   * indicators that also have headline figures before it, whose charts say so.
   */
  public record Window(int since, Set<String> older) {

    /** Everything, for shaping tests on small tables. */
    public static final Window ALL = new Window(1900, Set.of());
  }

  /** The rows read, and the window they were read in. */
  public record Loaded(ViewRows data, Window window) {
  }

  private DashboardData() {
  }

  /**
   * The series in the {@link #YEARS} years up to {@code year}, and the {@code events} newest
   * events of {@code eventCategory} (all categories when null), in the handle's transaction.
   */
  public static Loaded load(Handle handle, int year, int events, String eventCategory) {
    DataStore store = handle.attach(DataStore.class);
    DashboardQueries queries = handle.attach(DashboardQueries.class);
    int since = year - YEARS;
    List<Observation> observations = queries.series(INDICATORS, REGIONS, since * 12);
    Set<String> older = new LinkedHashSet<>(queries.seriesBefore(INDICATORS, REGIONS, since * 12));
    List<Event> newest = eventCategory == null ? queries.newestEvents(events)
        : queries.newestEvents(eventCategory, events);
    Set<String> cited = new LinkedHashSet<>();
    observations.forEach(o -> cited.add(o.source()));
    newest.forEach(e -> cited.add(e.source()));
    return new Loaded(ViewRows.of(store.dataVersion(), store.indicators(INDICATORS),
        store.sources(cited), observations, newest, Map.of()), new Window(since, older));
  }
}
