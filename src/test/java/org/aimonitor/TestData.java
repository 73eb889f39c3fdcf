package org.aimonitor;

import java.util.List;
import java.util.Map;
import org.aimonitor.region.Filter;
import org.aimonitor.indicator.IndicatorData;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.store.Event;
import org.aimonitor.store.Histories;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.ViewRows;
import org.aimonitor.store.Source;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * Whole-table reads of a small test database, for tests that shape or compare all of the seed.
 * The app itself never reads a whole table on a request (docs/benchmark.md, "Reads at scale").
 */
public final class TestData {

  private TestData() {
  }

  /**
   * The header row of an observations file with the columns every import needs (the later
   * ones, break_before, doubtful and note_zh, are optional): the one copy the tests write.
   */
  public static final String OBSERVATIONS_HEADER =
      "indicator,region,period,value,qualifier,source,headline,note\n";

  public static List<Observation> observations(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("""
        SELECT indicator, region, period, value, qualifier, source, headline, note, break_before,
               doubtful, note_zh
        FROM observation ORDER BY indicator, region, period, id
        """).mapTo(Observation.class).list());
  }

  public static List<Source> sources(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM source ORDER BY id")
        .mapTo(Source.class).list());
  }

  public static List<Event> events(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("""
        SELECT date, category, title_en, title_zh, description_en, description_zh, source FROM event ORDER BY id
        """).mapTo(Event.class).list());
  }

  /** Every row of the database, with every observation's history. */
  public static ViewRows everything(Database db) {
    return db.jdbi().inTransaction(h -> {
      List<Indicator> indicators = h.createQuery("SELECT " + Indicator.COLUMNS + " FROM "
          + Indicator.FROM + " ORDER BY i.code").mapTo(Indicator.class).list();
      List<Histories.Recorded> recorded = h.createQuery("""
          SELECT * FROM observation ORDER BY indicator, region, period, id
          """).mapTo(Histories.Recorded.class).list();
      Map<String, History> histories = Histories.of(h, recorded);
      return ViewRows.of(version(h), indicators,
          h.createQuery("SELECT * FROM source ORDER BY id").mapTo(Source.class).list(),
          recorded.stream().map(Histories.Recorded::observation).toList(),
          h.createQuery("SELECT date, category, title_en, title_zh, description_en, description_zh, source"
              + " FROM event ORDER BY id").mapTo(Event.class).list(),
          histories);
    });
  }

  /** The first page of an indicator's view, as its page reads it. */
  public static IndicatorData indicator(Database db, String code, Filter filter, Text t) {
    return db.jdbi().inTransaction(h -> IndicatorData.page(h, code, filter,
        new Paging(1, IndicatorData.PAGE_SIZE), t));
  }

  /**
   * An indicator's view shaped from rows in memory, for unit tests of chart shaping with
   * small synthetic tables: the figures in page order, all on one page.
   */
  public static IndicatorData indicator(ViewRows data, String code, Filter filter) {
    Indicator indicator = data.indicator(code);
    List<String> order = org.aimonitor.Fixtures.regions().stream().map(org.aimonitor.store.Region::code).toList();
    java.util.Comparator<Observation> pageOrder = java.util.Comparator
        .comparingInt((Observation o) -> order.indexOf(o.region()))
        .thenComparing(Observation::region)
        .thenComparing(Observation::period)
        .thenComparing(o -> !o.headline());
    List<Observation> all = data.observations().stream()
        .filter(o -> o.indicator().equals(code)).sorted(pageOrder).toList();
    List<String> codes = all.stream().map(Observation::region).distinct().toList();
    List<org.aimonitor.store.Region> regions = org.aimonitor.Fixtures.regions().stream()
        .filter(r -> codes.contains(r.code())).toList();
    String chartRegion = filter.region() != null ? filter.region()
        : codes.contains("CN") ? "CN" : codes.isEmpty() ? null : codes.get(0);
    List<Observation> shown = all.stream().filter(filter::includes).toList();
    List<Observation> chart = shown.stream()
        .filter(o -> o.headline() && o.region().equals(chartRegion))
        .sorted(java.util.Comparator.comparing(Observation::period)).toList();
    return new IndicatorData(data, indicator, filter, regions, 0, regions, chartRegion, shown, chart, 0,
        shown.size(), List.of(), org.aimonitor.Fixtures.names(), null);
  }

  /** Every row of a table as the CSV download writes it. */
  public static List<List<String>> exportRows(Database db, org.aimonitor.store.CsvTable table) {
    List<List<String>> rows = new java.util.ArrayList<>();
    db.jdbi().useTransaction(h -> org.aimonitor.download.ExportStore.forEach(h, table, rows::add));
    return rows;
  }

  /** Imports CSV text through the real importer, as "test". */
  public static org.aimonitor.importer.ImportReport importCsv(Database db, String name, String text) {
    return new org.aimonitor.importer.Importer(db).apply(List.of(new org.aimonitor.importer.ImportFile(
        name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8))), "test");
  }

  /**
   * {@code count} synthetic figures for {@code indicator} in the US, monthly from January 1900
   * (long before any real figure), each from source {@code source} and the headline of its
   * month, with a note saying they are not real: enough rows to page through.
   */
  public static String syntheticMonths(String indicator, String source, int count) {
    StringBuilder csv = new StringBuilder(OBSERVATIONS_HEADER);
    for (int i = 0; i < count; i++) {
      csv.append(indicator).append(",US,").append(1900 + i / 12).append('-')
          .append(String.format("%02d", 1 + i % 12)).append(',').append(i + 1)
          .append(",reported,").append(source).append(",1,Synthetic test row ").append(i + 1)
          .append(" (not a real figure)\n");
    }
    return csv.toString();
  }

  /**
   * Imports {@code count} synthetic provinces under China ({@code SYN-T000001} …, named as not
   * real), each with one headline figure of {@code indicator} for {@code period} from
   * {@code source}: place i has the value {@code count - i + 1}, so the first ranks first. Use a
   * period long before any real figure (1950).
   */
  public static void importSyntheticPlaces(Database db, String indicator, String source,
      String period, int count) {
    StringBuilder regions = new StringBuilder("code,name_en,name_zh,parent,level\n");
    StringBuilder figures = new StringBuilder(OBSERVATIONS_HEADER);
    for (int i = 1; i <= count; i++) {
      String code = syntheticPlace(i);
      regions.append(code).append(",Synthetic place ").append(i).append(" (not a real place),合成地区")
          .append(i).append("（非真实）,CN,province\n");
      figures.append(indicator).append(',').append(code).append(',').append(period).append(',')
          .append(count - i + 1).append(",reported,").append(source)
          .append(",1,Synthetic test row (not a real figure)\n");
    }
    importCsv(db, "regions.csv", regions.toString());
    importCsv(db, "observations.csv", figures.toString());
  }

  /** The code of the {@code i}-th place {@link #importSyntheticPlaces} makes. */
  public static String syntheticPlace(int i) {
    return String.format("SYN-T%06d", i);
  }

  private static long version(Handle h) {
    return h.attach(org.aimonitor.store.DataStore.class).dataVersion();
  }
}
