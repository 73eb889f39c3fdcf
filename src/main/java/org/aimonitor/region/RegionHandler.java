package org.aimonitor.region;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.api.ApiPaging;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Database;
import org.aimonitor.store.Histories;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Period;
import org.aimonitor.store.Source;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Page;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * The places: {@code GET /regions} and {@code /regions/{code}} (pages, with {@code .json}
 * twins), {@code /api/v1/regions} and {@code /api/v1/regions/{code}}, and the full ranking of
 * an indicator's places in one period, {@code /indicators/{code}/ranking}. Each answer reads in
 * one transaction, and only what it shows.
 */
public final class RegionHandler {

  private final Database db;

  public RegionHandler(Database db) {
    this.db = db;
  }

  /** {@code /regions}: the places with figures, by level, a page at a time. */
  public void list(Context ctx) {
    Text t = Text.of(ctx);
    PlaceFilter filter = PlaceFilter.parse(ctx, t);
    Paging paging = Paging.parse(ctx, PlaceListView.PAGE_SIZE, t);
    PlaceListView view = db.jdbi().inTransaction(h -> PlaceListView.build(h, filter, paging, t));
    Page.render(ctx, "regions", t.t("nav.places"), "places", view);
  }

  /** {@code /regions/{code}} or its {@code .json} twin (the API document). */
  public void show(Context ctx) {
    String name = ctx.pathParam("code");
    if (name.endsWith(".json")) {
      place(ctx, name.substring(0, name.length() - ".json".length()));
      return;
    }
    Text t = Text.of(ctx);
    Paging paging = Paging.parse(ctx, PlaceView.PAGE_SIZE, t);
    PlaceView view = db.jdbi().inTransaction(h -> PlaceView.build(h, name, paging, t));
    Page.render(ctx, "region", view.name(), "places", view);
  }

  /** {@code /api/v1/regions} and {@code /regions.json}: every known place, in order, with counts. */
  public void apiList(Context ctx) {
    PlaceFilter filter = PlaceFilter.parse(ctx, Text.EN);
    ApiPaging paging = ApiPaging.parse(ctx, RegionQueries.API_ORDER);
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      filter.check(h, Text.EN);
      List<RegionQueries.Counted> page = h.attach(RegionQueries.class).apiPage(filter,
          RegionQueries.API_ORDER.after(paging.after()), paging.limit() + 1);
      boolean more = page.size() > paging.limit();
      List<RegionQueries.Counted> shown = more ? page.subList(0, paging.limit()) : page;
      String next = more ? Keyset.encode(List.of(shown.get(shown.size() - 1).id())) : null;
      return new RegionDocuments.PlaceList(
          shown.stream().map(RegionDocuments.PlaceDoc::of).toList(), paging.next(ctx, next));
    }));
  }

  /** {@code /api/v1/regions/{code}}: the place and a page of its figures. */
  public void apiShow(Context ctx) {
    place(ctx, ctx.pathParam("code"));
  }

  private void place(Context ctx, String code) {
    ApiPaging paging = ApiPaging.parse(ctx, RegionQueries.FIGURE_ORDER);
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      RegionQueries queries = h.attach(RegionQueries.class);
      RegionQueries.Counted place = queries.apiPlace(code).orElseThrow(() -> HttpProblem.said(404,
          Text.EN.t("places.error.not-found.title"), Text.EN.t("places.error.not-found", code)));
      List<Keyset.Keyed<Histories.Recorded>> page = queries.figures(code,
          RegionQueries.FIGURE_ORDER.after(paging.after()), paging.limit() + 1, 0);
      boolean more = page.size() > paging.limit();
      List<Keyset.Keyed<Histories.Recorded>> shown = more ? page.subList(0, paging.limit()) : page;
      Set<String> indicators = new LinkedHashSet<>();
      Set<String> cited = new LinkedHashSet<>();
      shown.forEach(f -> {
        indicators.add(f.row().observation().indicator());
        cited.add(f.row().observation().source());
      });
      DataStore store = h.attach(DataStore.class);
      Map<String, Source> sources = new LinkedHashMap<>();
      store.sources(cited).forEach(s -> sources.put(s.id(), s));
      String next = more ? Keyset.encode(shown.get(shown.size() - 1).key()) : null;
      return RegionDocuments.detail(place, store.dataVersion(), shown,
          PlaceView.indicatorsByCode(store, indicators), sources,
          Histories.of(h, shown.stream().map(Keyset.Keyed::row).toList()),
          paging.next(ctx, next));
    }));
  }

  /**
   * {@code /indicators/{code}/ranking}: every ranked place of one period ({@code period=}, else
   * the default rule's), a page at a time, with the period's forecasts and targets apart.
   */
  public void ranking(Context ctx) {
    Text t = Text.of(ctx);
    String code = ctx.pathParam("code");
    Period period = SideBySide.period(ctx, t);
    String level = SideBySide.level(ctx, t);
    Paging paging = Paging.parse(ctx, RankingPageView.PAGE_SIZE, t);
    RankingPageView view = db.jdbi().inTransaction(h -> rankingPage(h, code, period, level, paging, t));
    Page.render(ctx, "ranking", view.title(), "indicators", view);
  }

  private static RankingPageView rankingPage(Handle h, String code, Period period, String level,
      Paging paging, Text t) {
    DataStore store = h.attach(DataStore.class);
    Indicator indicator = store.indicator(code).orElseThrow(() -> HttpProblem.said(404,
        t.t("indicator.error.not-found.title"), t.t("indicator.error.not-found", code)));
    Ranking ranking = Ranking.read(h, indicator, period, level, paging.size(), paging.offset(),
        RankingPageView.PAGE_SIZE);
    paging.check(ranking.total(), t);
    Map<String, Source> sources = SideBySide.sources(h, ranking, null);
    SourceNotes notes = new SourceNotes(sources);
    String periodCode = ranking.period() == null ? null : ranking.period().code();
    Paging.Pager pager = periodCode == null ? null
        : paging.pager(ranking.total(), p -> RankingView.rankingHref(code, periodCode, level, p), t);
    RankingView view = RankingView.build(ranking, Filter.NONE, period != null, level, false, notes,
        t, pager, sources);
    return new RankingPageView(indicator, t.name(indicator), t.unit(indicator),
        t.definition(indicator),
        view.periodLabel() == null ? t.t("places.ranking.page-title-empty", t.name(indicator))
            : t.t("places.ranking.page-title", t.name(indicator), view.periodLabel()),
        view, pager, notes.notes(), "/indicators/" + code, store.dataVersion(),
        t.lang() == Lang.EN ? null : Lang.EN.htmlLang());
  }

  /** Rows read at a time for a workbook: a page of a long list, never the whole of it at once. */
  private static final int WORKBOOK_CHUNK = 1_000;

  /**
   * {@code /regions/{code}.xlsx}: every figure of the place, in page order (by keyset, a chunk
   * at a time), after a "Read me" sheet; streamed as read in one transaction.
   */
  public void placeWorkbook(Context ctx) {
    String name = ctx.pathParam("code");
    String code = name.substring(0, name.length() - ".xlsx".length());
    Text t = Text.of(ctx);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    String origin = org.aimonitor.web.Addresses.origin(ctx);
    db.jdbi().useTransaction(h -> {
      DataStore store = h.attach(DataStore.class);
      org.aimonitor.store.Region place = store.region(code).orElseThrow(() -> HttpProblem.said(404,
          t.t("places.error.not-found.title"), t.t("places.error.not-found", code)));
      String placeName = t.zh() ? place.nameZh() : place.nameEn();
      String address = origin + "/regions/" + code + (t.zh() ? "?lang=zh" : "");
      org.aimonitor.download.Workbooks.ReadMe readMe = new org.aimonitor.download.Workbooks.ReadMe(
          placeName, t.t("workbook.place.about", placeName),
          org.aimonitor.download.Workbooks.asOf(h, t), t.date(today), address,
          org.aimonitor.citation.CitationText.workbookView(org.aimonitor.citation.Citation.ofView(
              "aim-place-" + code, t.lang(), placeName, t.t("site.name"), store.dataVersion(), today,
              address), t.t("filter.all-years")),
          List.of(t.t("workbook.readme.publishers")));
      RegionQueries queries = h.attach(RegionQueries.class);
      org.aimonitor.download.Workbooks.stream(ctx, code + ".xlsx", wb -> {
        org.aimonitor.download.Workbooks.readMe(wb, readMe, t);
        org.aimonitor.download.FigureSheet sheet = org.aimonitor.download.FigureSheet.start(wb, h,
            t.t("workbook.sheet.figures"), List.of(), t);
        Keyset.Position at = RegionQueries.FIGURE_ORDER.first();
        while (true) {
          List<Keyset.Keyed<Histories.Recorded>> chunk = queries.figures(code, at, WORKBOOK_CHUNK, 0);
          chunk.forEach(f -> sheet.add(f.row().observation()));
          if (chunk.size() < WORKBOOK_CHUNK) {
            break;
          }
          at = RegionQueries.FIGURE_ORDER.after(chunk.get(chunk.size() - 1).key());
        }
        sheet.finish();
      });
    });
  }

  /**
   * {@code /indicators/{code}/ranking.xlsx}: the whole ranking of one period (the page's
   * {@code period=} rule), every ranked place with its rank, then the period's forecasts and
   * targets (never ranked), after a "Read me" sheet that also gives the national figure.
   */
  public void rankingWorkbook(Context ctx) {
    Text t = Text.of(ctx);
    String code = ctx.pathParam("code");
    Period asked = SideBySide.period(ctx, t);
    String askedLevel = SideBySide.level(ctx, t);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    String origin = org.aimonitor.web.Addresses.origin(ctx);
    db.jdbi().useTransaction(h -> {
      DataStore store = h.attach(DataStore.class);
      Indicator indicator = store.indicator(code).orElseThrow(() -> HttpProblem.said(404,
          t.t("indicator.error.not-found.title"), t.t("indicator.error.not-found", code)));
      Ranking ranking = Ranking.read(h, indicator, asked, askedLevel, 0, 0, 0);
      String level = ranking.level();
      Period period = ranking.period();
      String periodLabel = period == null ? "–" : t.period(period);
      String address = origin + "/indicators/" + code + "/ranking"
          + (period == null ? "" : "?period=" + period.code() + "&level=" + level) + (t.zh() ? (period == null ? "?" : "&") + "lang=zh" : "");
      List<String> notes = new java.util.ArrayList<>();
      notes.add(t.t("workbook.readme.unit", t.unit(indicator)));
      if (ranking.national() != null) {
        notes.add(t.t("workbook.ranking.national", t.figure(indicator, ranking.national().figure())));
      }
      notes.add(t.t("workbook.ranking.projections"));
      notes.add(t.t("workbook.readme.publishers"));
      String title = t.t("places.ranking.page-title", t.name(indicator), periodLabel);
      org.aimonitor.download.Workbooks.ReadMe readMe = new org.aimonitor.download.Workbooks.ReadMe(
          title, t.definition(indicator), org.aimonitor.download.Workbooks.asOf(h, t),
          t.date(today), address, org.aimonitor.citation.CitationText.workbookView(
              org.aimonitor.citation.Citation.ofView("aim-ranking-" + code, t.lang(), t.name(indicator),
                  t.t("site.name"), store.dataVersion(), today, address), periodLabel), notes);
      RegionQueries queries = h.attach(RegionQueries.class);
      org.aimonitor.download.Workbooks.stream(ctx, code + "-ranking.xlsx", wb -> {
        org.aimonitor.download.Workbooks.readMe(wb, readMe, t);
        org.aimonitor.download.FigureSheet sheet = org.aimonitor.download.FigureSheet.start(wb, h,
            t.t("workbook.sheet.ranking"),
            List.of(new org.aimonitor.download.Workbooks.Column(t.t("workbook.col.rank"), 8)), t);
        if (period != null) {
          for (long offset = 0; ; offset += WORKBOOK_CHUNK) {
            List<Ranking.Ranked> chunk = queries.ranked(code, period, level, WORKBOOK_CHUNK, offset);
            chunk.forEach(r -> {
              sheet.cells().number((long) r.rank());
              sheet.add(r.figure());
            });
            if (chunk.size() < WORKBOOK_CHUNK) {
              break;
            }
          }
          long projections = queries.projectionCount(code, period, level);
          // Forecasts and targets of one period: as many as its places at most, listed unranked.
          queries.projections(code, period, level, (int) Math.min(Integer.MAX_VALUE, projections))
              .forEach(p -> {
                sheet.cells().text(t.t("workbook.ranking.not-ranked"));
                sheet.add(p.figure());
              });
        }
        sheet.finish();
      });
    });
  }
}
