package org.aimonitor.download;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aimonitor.i18n.Messages;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Region;
import org.aimonitor.store.Source;
import org.dhatim.fastexcel.Workbook;
import org.jdbi.v3.core.Handle;

/**
 * A sheet of figures for a reader (an indicator view, a place, a ranking): one row per figure,
 * its columns those of observations.csv in their order, each shown the way an analyst reads it:
 * the indicator and place by name and code, the period in words and as its code, the value as a
 * number with the indicator's decimals followed by its unit, the qualifier in words, the source
 * as publisher, title, date and a link. A column this class does not know (one added to the
 * table later) is written as its stored text under its own name, so new columns flow in.
 */
public final class FigureSheet {

  /** Places, sources and indicators looked up once each, at most this many of each kept. */
  private static final int LOOKUPS_KEPT = 4_096;

  private final Text t;
  private final DataStore store;
  private final Workbooks.Sheet sheet;
  private final List<String> columns = CsvTable.OBSERVATIONS.columns();
  private final Map<String, Region> places = lru();
  private final Map<String, Source> sources = lru();
  private final Map<String, Indicator> indicators = lru();

  private FigureSheet(Text t, DataStore store, Workbooks.Sheet sheet) {
    this.t = t;
    this.store = store;
    this.sheet = sheet;
  }

  /** Starts a figure sheet named {@code name}; {@code leading} columns come first (a rank). */
  public static FigureSheet start(Workbook wb, Handle h, String name, List<Workbooks.Column> leading,
      Text t) {
    List<Workbooks.Column> header = new ArrayList<>(leading);
    header.addAll(header(t));
    return new FigureSheet(t, h.attach(DataStore.class), Workbooks.Sheet.start(wb, name, header));
  }

  /** The columns a figure is shown in, from observations.csv's columns. */
  static List<Workbooks.Column> header(Text t) {
    List<Workbooks.Column> header = new ArrayList<>();
    for (String column : CsvTable.OBSERVATIONS.columns()) {
      switch (column) {
        case "indicator" -> {
          header.add(new Workbooks.Column(t.t("workbook.col.indicator"), 36));
          header.add(new Workbooks.Column(t.t("workbook.col.indicator-code"), 24));
        }
        case "region" -> {
          header.add(new Workbooks.Column(t.t("workbook.col.place"), 20));
          header.add(new Workbooks.Column(t.t("workbook.col.place-code"), 12));
        }
        case "period" -> {
          header.add(new Workbooks.Column(t.t("workbook.col.period"), 16));
          header.add(new Workbooks.Column(t.t("workbook.col.period-code"), 12));
        }
        case "value" -> {
          header.add(new Workbooks.Column(t.t("workbook.col.value"), 16));
          header.add(new Workbooks.Column(t.t("workbook.col.unit"), 18));
        }
        case "qualifier" -> header.add(new Workbooks.Column(t.t("workbook.col.qualifier"), 14));
        case "source" -> {
          header.add(new Workbooks.Column(t.t("workbook.col.publisher"), 24));
          header.add(new Workbooks.Column(t.t("workbook.col.title"), 48));
          header.add(new Workbooks.Column(t.t("workbook.col.published"), 14));
          header.add(new Workbooks.Column(t.t("workbook.col.link"), 40));
        }
        case "headline" -> header.add(new Workbooks.Column(t.t("workbook.col.headline"), 12));
        case "note" -> header.add(new Workbooks.Column(t.t("workbook.col.note"), 48));
        default -> header.add(Workbooks.Column.of(label(t, column)));
      }
    }
    return header;
  }

  /** A column's header in the reader's language, or its name in the files when it has none. */
  private static String label(Text t, String column) {
    String key = "workbook.col." + column;
    return Messages.has(t.lang(), key) ? t.t(key) : column;
  }

  /** The sheet, for cells before the figure's (a rank). */
  public Workbooks.Sheet cells() {
    return sheet;
  }

  /** Writes one figure and ends its row. */
  public void add(Observation o) {
    List<String> stored = ExportStore.row(o);
    Indicator indicator = indicators.computeIfAbsent(o.indicator(),
        code -> store.indicator(code).orElse(null));
    for (int c = 0; c < columns.size(); c++) {
      switch (columns.get(c)) {
        case "indicator" -> sheet.text(indicator == null ? o.indicator() : t.name(indicator))
            .text(o.indicator());
        case "region" -> {
          Region place = lookup(places, o.region(), code -> store.regions(List.of(code)));
          sheet.text(place == null ? o.region() : t.zh() ? place.nameZh() : place.nameEn())
              .text(o.region());
        }
        case "period" -> sheet.text(indicator == null ? t.period(o.period()) : t.period(indicator, o))
            .text(o.period().code());
        case "value" -> {
          // In the reader's unit: Chinese writes billions of yuan as 亿元, so 15.2 is 152.
          Text.Scaled v = indicator == null ? new Text.Scaled(o.value(), 2) : t.scaled(indicator, o.value());
          sheet.number(v.value(), v.decimals()).text(indicator == null ? "" : t.unit(indicator));
        }
        case "qualifier" -> sheet.text(t.qualifier(o.qualifier()));
        case "source" -> {
          Source s = lookup(sources, o.source(), id -> store.sources(List.of(id)));
          if (s == null) {
            sheet.text(o.source()).text("").text("").text("");
          } else {
            sheet.text(s.publisher()).text(s.title()).text(t.date(s)).link(s.url(), s.url());
          }
        }
        case "headline" -> sheet.text(o.headline() ? t.t("workbook.headline.yes") : "");
        default -> sheet.text(stored.get(c));
      }
    }
    sheet.endRow();
  }

  /** Adds the filter and writes the rest of the sheet. */
  public void finish() {
    sheet.finish();
  }

  private static <T> T lookup(Map<String, T> kept, String key, Function<String, List<T>> read) {
    T found = kept.get(key);
    if (found == null) {
      List<T> rows = read.apply(key);
      found = rows.isEmpty() ? null : rows.get(0);
      if (found != null) {
        kept.put(key, found);
      }
    }
    return found;
  }

  private static <T> Map<String, T> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
        return size() > LOOKUPS_KEPT;
      }
    };
  }
}
