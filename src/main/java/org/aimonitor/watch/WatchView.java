package org.aimonitor.watch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.aimonitor.figure.FigureStates;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.ImportLog;
import org.aimonitor.store.Histories;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Source;
import org.aimonitor.web.SmallForms;
import org.jdbi.v3.core.Handle;

/**
 * {@code /figures/changes}: a reader's list of cited figures, each as it stood on the cited day
 * and as it stands now, with unit and qualifier, the difference, and every revision since with
 * its import and reason; figures not revised are said to be unchanged. Read in a fixed number of
 * batches whatever the list's length: the figures, their revisions, the imports' reasons, then
 * the names of their indicators, places and sources.
 *
 * @param list      what the address asks for
 * @param sinceText "15 Nov 2026", or null for "as first published"
 * @param rows      one per figure, in id order
 */
public record WatchView(WatchList list, String sinceText, List<Row> rows, int revised,
    int unchanged, int added, String idsText, String href, String feedHref, String jsonHref,
    String firstImportDay, String today, int max, int uploadKb) {

  /** Whether the reader has given a list yet (else the page is the form alone). */
  public boolean listed() {
    return !rows.isEmpty();
  }

  /**
   * One figure: what it said then ({@code then} null when it was not yet published here) and
   * now, the difference in its unit, its status ("revised", "unchanged", "new") and the
   * revisions since.
   */
  public record Row(long id, String href, String thenHref, String indicator, String indicatorName,
      String regionName, String period, String unit, String then, String now,
      String thenQualifier, String nowQualifier, BigDecimal thenValue, BigDecimal nowValue,
      String difference, String status, String statusLabel, List<Change> changes,
      String source) {

    public boolean isRevised() {
      return status.equals("revised");
    }
  }

  /** A revision since the cited day: before → after, when, by which import, and why. */
  public record Change(String before, String after, String when, String recordedAt,
      Long importId, String importHref, String reason) {
  }

  /** The view of {@code list}, in the handle's transaction. */
  static WatchView build(Handle h, WatchList list, LocalDate firstImport, LocalDate today, Text t) {
    String lang = t.zh() ? "lang=zh" : "";
    String base = "/figures/changes";
    String query = list.empty() ? "" : list.query();
    String href = base + (query.isEmpty() ? "" : "?" + query);
    String feed = base + ".atom" + join(query, lang);
    String json = base + ".json" + (query.isEmpty() ? "" : "?" + query);
    String sinceText = list.since() == null ? null : t.date(list.since());
    if (list.empty()) {
      return new WatchView(list, sinceText, List.of(), 0, 0, 0, "", href, feed, json,
          firstImport == null ? null : firstImport.toString(), today.toString(), WatchList.MAX,
          SmallForms.UPLOAD_LIMIT / 1024);
    }
    WatchQueries queries = h.attach(WatchQueries.class);
    List<Histories.Recorded> found = queries.figures(list.ids());
    if (found.size() < list.ids().size()) {
      Set<Long> missing = new TreeSet<>(list.ids());
      found.forEach(r -> missing.remove(r.id()));
      throw WatchList.refused(t, t.t("watch.error.unknown", missing.stream().limit(10)
          .map(String::valueOf).collect(Collectors.joining(t.t("list.separator"))), missing.size()));
    }
    Map<String, History> histories = Histories.of(h, found);
    Map<Long, FigureStates> states = new HashMap<>();
    Set<Long> importIds = new TreeSet<>();
    Set<String> indicatorCodes = new LinkedHashSet<>();
    Set<String> regionCodes = new LinkedHashSet<>();
    Set<String> sourceIds = new LinkedHashSet<>();
    for (Histories.Recorded r : found) {
      Observation o = r.observation();
      FigureStates s = FigureStates.of(o, histories.get(History.key(o)));
      states.put(r.id(), s);
      s.states().forEach(x -> {
        if (x.importId() != null) {
          importIds.add(x.importId());
        }
      });
      indicatorCodes.add(o.indicator());
      regionCodes.add(o.region());
      sourceIds.add(o.source());
    }
    Map<Long, ImportLog.Entry> imports = new HashMap<>();
    ImportLog.on(h).byIds(importIds).forEach(i -> imports.put(i.id(), i));
    DataStore store = h.attach(DataStore.class);
    Map<String, Indicator> indicators = new HashMap<>();
    store.indicators(indicatorCodes).forEach(i -> indicators.put(i.code(), i));
    Map<String, Source> sources = new HashMap<>();
    store.sources(sourceIds).forEach(s -> sources.put(s.id(), s));
    Names names = Names.read(h, regionCodes, List.of(), List.of());

    List<Row> rows = new ArrayList<>();
    int revised = 0;
    int unchanged = 0;
    int added = 0;
    for (Histories.Recorded r : found) {
      Observation o = r.observation();
      Indicator i = indicators.get(o.indicator());
      FigureStates s = states.get(r.id());
      FigureStates.State now = s.current();
      FigureStates.State then = list.since() == null ? s.first() : s.asOf(list.since()).orElse(null);
      String status;
      if (then == null) {
        status = "new";
        added++;
      } else if (then == now) {
        status = "unchanged";
        unchanged++;
      } else {
        status = "revised";
        revised++;
      }
      List<Change> changes = new ArrayList<>();
      List<FigureStates.State> all = s.states();
      int start = then == null ? 0 : all.indexOf(then) + 1;
      for (int k = all.size() - 1; k >= Math.max(1, start); k--) {
        FigureStates.State before = all.get(k - 1);
        FigureStates.State after = all.get(k);
        ImportLog.Entry imp = after.importId() == null ? null : imports.get(after.importId());
        changes.add(new Change(t.labelled(i, before.value(), before.qualifier()),
            t.labelled(i, after.value(), after.qualifier()),
            after.recordedOn() == null ? t.t("figure.recorded.unknown")
                : t.date(LocalDate.parse(after.recordedOn())), after.recordedAt(),
            after.importId(), after.importId() == null ? null : "/updates/" + after.importId(),
            imp == null ? null : imp.reason()));
      }
      String figureHref = "/figures/" + r.id();
      String thenHref = figureHref + (list.since() == null ? "?vintage=first" : "?as_of=" + list.since());
      Source src = sources.get(o.source());
      rows.add(new Row(r.id(), figureHref, thenHref, o.indicator(), t.name(i), names.region(o.region(), t),
          t.period(i, o), t.unit(i), then == null ? null : t.labelled(i, then.value(), then.qualifier()),
          t.labelled(i, now.value(), now.qualifier()),
          then == null ? null : then.qualifier().code(), now.qualifier().code(),
          then == null ? null : then.value(), now.value(),
          then == null || then == now ? null : difference(i, then, now, t), status,
          t.t("watch.status." + status), changes, src == null ? o.source() : src.publisher()));
    }
    return new WatchView(list, sinceText, rows, revised, unchanged, added, list.idsText(), href,
        feed, json, firstImport == null ? null : firstImport.toString(), today.toString(),
        WatchList.MAX, SmallForms.UPLOAD_LIMIT / 1024);
  }

  /**
   * "+¥50 billion (+5.6 %)", "−2.1 percentage points", "no change in value" (a revision of the
   * qualifier or note only); a change of qualifier is named after it.
   */
  static String difference(Indicator i, FigureStates.State then, FigureStates.State now, Text t) {
    BigDecimal diff = now.value().subtract(then.value());
    String text;
    if (diff.signum() == 0) {
      text = t.t("watch.diff.none");
    } else {
      String sign = diff.signum() > 0 ? "+" : "−";
      if (i.isGrowthRate()) {
        text = t.t("watch.diff.points", sign + t.number(diff.abs(), Math.max(1, i.decimals())));
      } else {
        text = sign + t.amount(i, diff.abs());
        if (then.value().signum() != 0) {
          BigDecimal pct = diff.multiply(BigDecimal.valueOf(100))
              .divide(then.value().abs(), MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_EVEN);
          text = t.t("watch.diff.with-percent", text, (pct.signum() > 0 ? "+" : pct.signum() < 0 ? "−" : "")
              + t.number(pct.abs(), 1));
        }
      }
    }
    if (then.qualifier() != now.qualifier()) {
      text = t.t("watch.diff.qualifier", text, t.qualifier(then.qualifier()), t.qualifier(now.qualifier()));
    }
    return text;
  }

  private static String join(String query, String lang) {
    if (query.isEmpty()) {
      return lang.isEmpty() ? "" : "?" + lang;
    }
    return "?" + query + (lang.isEmpty() ? "" : "&" + lang);
  }
}
