package org.aimonitor.updates;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.ImportLog;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Source;
import org.jdbi.v3.core.Handle;

/**
 * How imports and their changes read on the pages and in the feeds, in one language: an
 * import's heading facts, figure changes grouped by indicator with the old and the new figure
 * written as the site writes figures (unit, qualifier named), and rows of the other tables.
 */
public final class ChangeViews {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ChangeViews() {
  }

  /**
   * An import as pages head it. {@code nothing} is the sentence for an import that changed
   * nothing (else null); {@code isNew} marks it new since the reader's last visit.
   */
  public record Head(long id, String href, String title, String when, String whenIso, String who,
      String whoLang, String reason, List<TableLine> tables, String nothing, boolean isNew, List<FileLine> files) {
  }

  /** What the import did to one table, in words; {@code touched} when it added or changed rows. */
  public record TableLine(String code, String text, boolean touched) {
  }

  /** A file of the import: its name, what it held, and its SHA-256 (short and in full). */
  public record FileLine(String name, String kind, String shortSha, String sha256) {
  }

  /**
   * One indicator's changes on a page: its name and unit in the page's language, its page, and
   * whether the group began on the page before ({@code continued}).
   */
  public record Group(String code, String name, String unit, String href, boolean continued,
      List<Row> rows) {
  }

  /**
   * A figure an import added or changed. {@code before} is null for an addition; figures are
   * written with their qualifier named, so a change of qualifier alone shows. {@code details}
   * lists other columns that changed (headline, note). {@code replaced} says when a later
   * import has since replaced the state this import recorded.
   */
  public record Row(boolean added, String kind, String regionLabel, String periodLabel,
      String before, String after, List<Detail> details, Source source, String sourceDate,
      String sourceLang, String figureHref, String replaced, String replacedHref) {
  }

  /**
   * A column that changed: its label, before and after ({@code before} null for a new row);
   * {@code lang} is the language of the values when it is not the page's (the dataset's English
   * notes on a Chinese page, a {@code _zh} column on an English one), else null.
   */
  public record Detail(String label, String before, String after, String lang) {

    /** Values too long to read side by side with an arrow: shown one under the other. */
    public boolean isLong() {
      return (before != null && before.length() > 40) || after.length() > 40;
    }
  }

  /** A row of another table that an import added or changed. */
  public record RowLine(boolean added, String kind, String key, String label, String labelLang,
      String extra, String extraLang, List<Detail> details, String replaced, String replacedHref) {
  }

  /** What an import did to one of the other tables: its line, rows, and how many are not listed. */
  public record TableChanges(String code, String heading, String line, List<RowLine> rows,
      long more) {
  }

  /** The heading facts of {@code log}, in {@code t}'s language. */
  public static Head head(ImportLog.Entry log, NewSince.State state, Text t) {
    Instant at = log.at();
    List<TableLine> tables = new ArrayList<>();
    for (ImportLog.TableCount c : log.tables()) {
      tables.add(new TableLine(c.table().sqlTable(), t.t("updates.table.line",
          tableName(c.table(), t), t.count(c.added()), t.count(c.changed()), t.count(c.unchanged())),
          c.touched()));
    }
    if (tables.isEmpty()) {
      tables.add(new TableLine("all", t.t("updates.table.line", t.t("updates.table.all"),
          t.count(log.added()), t.count(log.changed()), t.count(log.unchanged())),
          log.changedSomething()));
    }
    List<FileLine> files = log.loggedFiles().stream().map(f -> new FileLine(f.name(),
        f.table() == null ? "" : tableName(table(f.table()), t), shortSha(f.sha256()), f.sha256()))
        .toList();
    return new Head(log.id(), "/updates/" + log.id(), t.t("updates.import.title", log.id()),
        when(at, t), at.truncatedTo(ChronoUnit.MILLIS).toString(), t.who(log.who()),
        t.zh() ? t.whoLang(log.who()) : "en", log.reason(), tables,
        log.changedSomething() ? null : nothing(log, t),
        state.isNew(log.id()), files);
  }

  /** Figure changes a title names before it says how many more there are. */
  public static final int NAMED = 2;

  /**
   * What an import changed, as a title names it: its first {@link #NAMED} figure changes
   * ("AI core industry scale, China (mainland), 2025 revised"), then "and 3 more", then the other
   * tables it touched ("Sources: 2 added"); the table counts alone when it changed no figure,
   * and "no changes" when it changed nothing. {@code changes} are its first figure changes (in
   * the page's order), {@code figures} how many it has; {@code withIndicator} names each
   * change's indicator (not on an indicator's own feed).
   */
  public static String whatChanged(ImportLog.Entry log, List<FigureChanges.Change> changes,
      long figures, Lookup lookup, boolean withIndicator, Text t) {
    if (!log.changedSomething() && changes.isEmpty()) {
      return t.t("updates.feed.nothing");
    }
    List<String> parts = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (FigureChanges.Change c : changes.subList(0, Math.min(NAMED, changes.size()))) {
      Row row = row(c, lookup, t);
      org.aimonitor.store.Indicator i = lookup.indicators().get(c.indicator());
      String what = (withIndicator ? (i == null ? c.indicator() : t.name(i)) + t.t("list.separator") : "")
          + row.regionLabel() + t.t("list.separator") + row.periodLabel();
      named.add(t.t(c.added() ? "updates.title.added" : "updates.title.revised", what));
    }
    if (!named.isEmpty()) {
      String figuresPart = String.join(t.t("updates.feed.separator"), named);
      long more = figures - named.size();
      if (more > 0) {
        figuresPart = t.t("updates.title.more", figuresPart, t.count(more));
      }
      parts.add(figuresPart);
    }
    List<String> others = new ArrayList<>();
    for (ImportLog.TableCount c : log.tables()) {
      if (c.touched() && (named.isEmpty() || c.table() != CsvTable.OBSERVATIONS)) {
        others.add(t.t("updates.table.short", tableName(c.table(), t), t.count(c.added()),
            t.count(c.changed())));
      }
    }
    // A title stays a title: two other tables at most, then how many more were touched.
    parts.addAll(others.subList(0, Math.min(NAMED, others.size())));
    if (others.size() > NAMED) {
      parts.add(t.t("updates.title.more-tables", t.count(others.size() - NAMED)));
    }
    if (parts.isEmpty()) {
      parts.add(t.t("updates.table.short", t.t("updates.table.all"), t.count(log.added()),
          t.count(log.changed())));
    }
    return String.join(t.t("updates.feed.separator"), parts);
  }

  /** The same heading, titled {@code title}. */
  public static Head titled(Head h, String title) {
    return new Head(h.id(), h.href(), title, h.when(), h.whenIso(), h.who(), h.whoLang(), h.reason(), h.tables(),
        h.nothing(), h.isNew(), h.files());
  }

  /** The sentence for an import that changed nothing. */
  public static String nothing(ImportLog.Entry log, Text t) {
    return log.unchanged() == 1 ? t.t("updates.import.nothing.one")
        : t.t("updates.import.nothing", t.count(log.unchanged()));
  }

  /** "29 Nov 2026, 14:58 UTC", "2026年11月29日 14:58（UTC）". */
  public static String when(Instant at, Text t) {
    return t.t("updates.when", t.date(ImportLog.day(at)), TIME.format(at));
  }

  /** A table's name in words: "Figures", "Sources", "数据", "来源". */
  public static String tableName(CsvTable table, Text t) {
    return table == null ? "" : t.t("updates.table." + table.sqlTable());
  }

  private static CsvTable table(String fileName) {
    return CsvTable.byFileName(fileName).orElse(null);
  }

  private static String shortSha(String sha) {
    return sha == null || sha.length() <= 12 ? sha : sha.substring(0, 12);
  }

  /** The indicators, sources and place names a list of changes needs, read in one go each. */
  public record Lookup(Map<String, Indicator> indicators, Map<String, Source> sources, Names names) {

    public static Lookup read(Handle h, List<FigureChanges.Change> changes) {
      Set<String> codes = new LinkedHashSet<>();
      Set<String> sourceIds = new LinkedHashSet<>();
      Set<String> regions = new LinkedHashSet<>();
      for (FigureChanges.Change c : changes) {
        codes.add(c.indicator());
        sourceIds.add(c.source());
        regions.add(c.region());
      }
      DataStore store = h.attach(DataStore.class);
      Map<String, Indicator> indicators = new LinkedHashMap<>();
      if (!codes.isEmpty()) {
        store.indicators(codes).forEach(i -> indicators.put(i.code(), i));
      }
      Map<String, Source> sources = new LinkedHashMap<>();
      if (!sourceIds.isEmpty()) {
        store.sources(sourceIds).forEach(s -> sources.put(s.id(), s));
      }
      return new Lookup(indicators, sources, Names.read(h, regions, List.of(), List.of()));
    }
  }

  /**
   * Figure changes grouped by indicator, in their order; {@code continuedFrom} is the indicator
   * of the row just before these (on the previous page), or null.
   */
  public static List<Group> groups(List<FigureChanges.Change> changes, Lookup lookup,
      String continuedFrom, Text t) {
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    for (FigureChanges.Change c : changes) {
      rows.computeIfAbsent(c.indicator(), k -> new ArrayList<>()).add(row(c, lookup, t));
    }
    List<Group> groups = new ArrayList<>();
    rows.forEach((code, list) -> {
      Indicator i = lookup.indicators().get(code);
      groups.add(new Group(code, i == null ? code : t.name(i), i == null ? "" : t.unit(i),
          "/indicators/" + code, groups.isEmpty() && code.equals(continuedFrom), list));
    });
    return groups;
  }

  /** One figure change as a table row. */
  public static Row row(FigureChanges.Change c, Lookup lookup, Text t) {
    Indicator i = lookup.indicators().get(c.indicator());
    Source s = lookup.sources().get(c.source());
    FigureChanges.State a = c.after();
    FigureChanges.State b = c.before();
    List<Detail> details = new ArrayList<>();
    if (b != null && b.headline() != a.headline()) {
      details.add(new Detail(t.t("updates.detail.headline"), yesNo(b.headline(), t),
          yesNo(a.headline(), t), null));
    }
    if (b != null && !b.note().equals(a.note())) {
      details.add(new Detail(t.t("updates.detail.note"), noteText(b.note(), t), noteText(a.note(), t),
          t.zh() ? "en" : null));
    }
    if (b == null && a.headline()) {
      details.add(new Detail(t.t("updates.detail.headline"), null, yesNo(true, t), null));
    }
    String region = lookup.names().region(c.region(), t);
    return new Row(c.added(), t.t(c.added() ? "updates.kind.added" : "updates.kind.changed"),
        region, i == null ? c.period().code() : t.period(i, c.observation()),
        b == null ? null : figure(i, b, t), figure(i, a, t), details, s,
        s == null ? "" : t.date(s), s == null ? null : t.lang(s),
        "/indicators/" + c.indicator() + "?region=" + URLEncoder.encode(c.region(), StandardCharsets.UTF_8),
        c.replacedBy() == null ? null : t.t("updates.replaced", c.replacedBy()),
        c.replacedBy() == null ? null : "/updates/" + c.replacedBy());
  }

  /** The figure with its qualifier always named: "&gt; ¥900 billion (lower bound)". */
  static String figure(Indicator i, FigureChanges.State s, Text t) {
    return i == null ? s.value().toPlainString() : t.labelled(i, s.value(), s.qualifier());
  }

  private static String yesNo(boolean yes, Text t) {
    return t.t(yes ? "updates.yes" : "updates.no");
  }

  private static String noteText(String note, Text t) {
    return note.isEmpty() ? t.t("updates.blank") : note;
  }

  /** A row of another table as a line, in {@code t}'s language. */
  public static RowLine rowLine(RowChanges.Change c, Text t) {
    Map<String, String> a = c.after();
    String label;
    String labelLang = null;
    String extra = null;
    String extraLang = null;
    String dataLang = t.zh() ? "en" : null;
    switch (c.table()) {
      case SOURCES -> {
        Source s = new Source(a.get("id"), a.get("publisher"), a.get("title"), a.get("url"),
            PartialDate.parseOptional(a.get("published_on")), a.get("language"),
            a.get("reliability"), a.get("note"));
        label = s.title();
        labelLang = t.lang(s);
        extra = s.publisher() + (s.publishedOn() == null ? "" : ", " + s.publishedOn().code());
        extraLang = dataLang;
      }
      case EVENTS -> {
        label = t.zh() ? a.get("title_zh") : a.get("title_en");
        extra = a.get("date");
      }
      case INDICATORS, LANGUAGES, CATEGORIES, UNITS, REGIONS, SCHEDULES -> {
        label = t.zh() ? a.get("name_zh") : a.get("name_en");
      }
      default -> label = c.key();
    }
    List<Detail> details = new ArrayList<>();
    for (String column : c.changedColumns()) {
      String lang = column.endsWith("_zh") ? (t.zh() ? null : "zh-CN") : dataLang;
      details.add(new Detail(column, emptyAs(c.before().get(column), t), emptyAs(a.get(column), t),
          lang));
    }
    return new RowLine(c.added(), t.t(c.added() ? "updates.kind.added" : "updates.kind.changed"),
        c.key(), label, labelLang, extra, extraLang, details,
        c.replacedBy() == null ? null : t.t("updates.replaced", c.replacedBy()),
        c.replacedBy() == null ? null : "/updates/" + c.replacedBy());
  }

  private static String emptyAs(String value, Text t) {
    return value == null || value.isEmpty() ? t.t("updates.blank") : value;
  }
}
