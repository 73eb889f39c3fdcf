package org.aimonitor.figure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.aimonitor.citation.Citation;
import org.aimonitor.citation.CitationFormat;
import org.aimonitor.citation.CitationText;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.AsOf;
import org.aimonitor.store.ImportLog;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Histories;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Source;
import org.aimonitor.web.HttpProblem;
import org.jdbi.v3.core.Handle;

/**
 * {@code /figures/{id}}: one figure with its own address. What it says now (or on the day a
 * vintage names) with unit, period, qualifier, place, source and note; when it was first
 * published here and with what value; every revision; links to its indicator page, its row
 * there and its place; and how to cite it, with the citation files.
 *
 * @param states  every state the figure has had, oldest first
 * @param shown   the state the page shows: the current one, or the vintage's
 * @param vintage what the page shows, when not today's state ({@link Vintage})
 */
public record FigureView(long id, String href, Indicator indicator, String indicatorName,
    String unit, String region, String regionName, String period, String figure,
    String qualifier, String qualifierCode, boolean headline, String note, String noteLang,
    Source source, String sourceDate, String sourceLang, FigureStates states, Shown shown,
    Vintage vintage, List<Revision> revisions, String firstFigure, String firstRecorded,
    String indicatorHref, String rowHref, String placeHref, Citation citation,
    String citationText, List<CiteLine> citationLines, List<CitationFormat.Link> citeFiles, String jsonHref,
    String feedHref, Map<Long, ImportLog.Entry> imports, long dataVersion) {

  /**
   * The watch on this figure from the day it is cited (today, the vintage's day, or as first
   * published): the address
   * to come back to, which a citation file uploaded to the watch also gives.
   */
  public String watchHref() {
    if (vintage != null && vintage.asOf() == null) {
      return "/figures/changes?ids=" + id; // as first published: the watch's own default
    }
    LocalDate day = vintage != null ? LocalDate.parse(vintage.asOf()) : citation.accessed();
    return "/figures/changes?ids=" + id + "&since=" + day;
  }

  /**
   * A line of the citation as the page shows it: the dataset's, then each original source's,
   * marked with the source title's language where it is not the page's.
   */
  public record CiteLine(String text, String lang) {
  }

  /** The state shown, as the page writes it. */
  public record Shown(FigureStates.State state, String figure, String qualifier,
      String qualifierCode, boolean headline, String note, String recorded, boolean current) {
  }

  /**
   * A vintage the reader asked for: {@code asOf} (a day) or {@code first} (as first published);
   * {@code missing} when the figure was not yet published here on that day.
   */
  public record Vintage(String kind, String asOf, String banner, boolean missing) {
  }

  /**
   * A revision: what the figure said before and after, when and by which import, and the reason
   * that import gave (null when it gave none).
   */
  public record Revision(String before, String after, String when, long importId,
      String importHref, String reason) {
  }


  /**
   * The page of figure {@code id} in the handle's transaction, as {@code asked}, cited on
   * {@code today} from the site at {@code origin}.
   *
   * @throws HttpProblem 404 in {@code t}'s language for an unknown figure
   */
  public static FigureView build(Handle h, long id, AsOf asked, String origin, LocalDate today,
      Text t) {
    Histories.Recorded recorded = h.attach(FigureQueries.class).figure(id)
        .orElseThrow(() -> notFound(String.valueOf(id), t));
    Observation o = recorded.observation();
    DataStore store = h.attach(DataStore.class);
    Indicator indicator = store.indicator(o.indicator()).orElseThrow();
    Source source = store.sources(List.of(o.source())).get(0);
    History history = Histories.of(h, List.of(recorded)).get(History.key(o));
    Names names = Names.read(h, List.of(o.region()), List.of(), List.of());
    FigureStates states = FigureStates.of(o, history);
    Map<Long, ImportLog.Entry> imports = imports(h, states);

    FigureStates.State state = states.current();
    Vintage vintage = null;
    if (asked.first()) {
      state = states.first();
      vintage = new Vintage("first", null, t.t("figure.vintage.first-banner",
          recordedLabel(state, t)), false);
    } else if (asked.asOf() != null) {
      FigureStates.State then = states.asOf(asked.asOf()).orElse(null);
      String day = t.date(asked.asOf());
      if (then == null) {
        vintage = new Vintage("as_of", asked.asOf().toString(),
            t.t("figure.vintage.missing", day, recordedLabel(states.first(), t)), true);
      } else {
        state = then;
        vintage = new Vintage("as_of", asked.asOf().toString(), then.current()
            ? t.t("figure.vintage.unchanged", day) : t.t("figure.vintage.banner", day), false);
      }
    }

    String path = "/figures/" + id;
    String regionName = names.region(o.region(), t);
    String period = t.period(indicator, o);
    Shown shown = new Shown(state, t.figure(indicator, state.value(), state.qualifier()),
        t.qualifier(state.qualifier()), state.qualifier().code(), state.headline(), state.note(),
        recordedLabel(state, t), state.current());

    List<Revision> revisions = new ArrayList<>();
    List<FigureStates.State> all = states.states();
    for (int i = all.size() - 1; i > 0; i--) {
      FigureStates.State before = all.get(i - 1);
      FigureStates.State after = all.get(i);
      revisions.add(new Revision(t.labelled(indicator, before.value(), before.qualifier()),
          t.labelled(indicator, after.value(), after.qualifier()),
          after.recordedOn() == null ? t.t("figure.recorded.unknown") : after.recordedOn(),
          after.importId() == null ? 0 : after.importId(),
          after.importId() == null ? null : "/updates/" + after.importId(),
          reason(imports, after.importId())));
    }

    String title = t.t("figure.cite.title", t.name(indicator), regionName, period);
    String url = origin + path + asked.query();
    LocalDate updated = state.recordedOn() == null ? null : LocalDate.parse(state.recordedOn());
    long version = store.dataVersion();
    Citation citation = new Citation("aim-figure-" + id, t.lang(), title,
        t.t("cite.figure." + state.qualifier().code(), t.amount(indicator, state.value())),
        state.qualifier().code(), t.t("site.name"), version, updated, today, url,
        List.of(Citation.Original.of(source)));
    List<CitationFormat.Link> files = CitationFormat.links(path, asked.query(), t);
    // The one citation builder's words (citation/CitationText), as the plain-text file writes them;
    // in Chinese the original source is a line of its own (GB/T 7714), in its own language.
    String text = CitationText.style(citation).write(citation).strip();
    List<CiteLine> lines = CitationText.lines(citation, t.lang(source)).stream()
        .map(l -> new CiteLine(l.text(), l.lang())).toList();

    String indicatorHref = "/indicators/" + indicator.code() + "?region=" + o.region();
    String noteLang = t.lang() == Lang.EN ? null : Lang.EN.htmlLang();
    return new FigureView(id, path, indicator, t.name(indicator), t.unit(indicator), o.region(),
        regionName, period, t.figure(indicator, o), t.qualifier(o.qualifier()),
        o.qualifier().code(), o.headline(), o.note(), noteLang, source, t.date(source),
        t.lang(source), states, shown, vintage, revisions,
        t.labelled(indicator, states.first().value(), states.first().qualifier()),
        recordedLabel(states.first(), t), indicatorHref, indicatorHref + "#fig-" + id,
        "/regions/" + o.region(), citation, text, lines, files, path + ".json" + asked.query(),
        path + ".atom" + (t.zh() ? "?lang=zh" : ""), imports, version);
  }

  /** The imports that recorded {@code states}, by id, in one read. */
  static Map<Long, ImportLog.Entry> imports(Handle h, FigureStates states) {
    Set<Long> ids = new TreeSet<>();
    states.states().forEach(s -> {
      if (s.importId() != null) {
        ids.add(s.importId());
      }
    });
    Map<Long, ImportLog.Entry> byId = new HashMap<>();
    if (!ids.isEmpty()) {
      ImportLog.on(h).byIds(ids).forEach(i -> byId.put(i.id(), i));
    }
    return byId;
  }

  static String reason(Map<Long, ImportLog.Entry> imports, Long importId) {
    ImportLog.Entry i = importId == null ? null : imports.get(importId);
    return i == null ? null : i.reason();
  }

  /** "recorded 7 Dec 2026 (import 2)", or that it is older than the import log. */
  static String recordedLabel(FigureStates.State s, Text t) {
    if (s.recordedOn() == null) {
      return t.t("figure.recorded.unknown");
    }
    String day = t.date(LocalDate.parse(s.recordedOn()));
    return s.importId() == null ? day : t.t("figure.recorded", day, s.importId());
  }

  static HttpProblem notFound(String id, Text t) {
    return HttpProblem.said(404, t.t("figure.error.not-found.title"),
        t.t("figure.error.not-found", id));
  }
}
