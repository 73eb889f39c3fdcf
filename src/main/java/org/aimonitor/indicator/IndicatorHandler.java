package org.aimonitor.indicator;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aimonitor.api.ApiPaging;
import org.aimonitor.download.CsvExport;
import org.aimonitor.download.ExportStore;
import org.aimonitor.freshness.FreshnessView;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.region.Filter;
import org.aimonitor.region.SideBySide;
import org.aimonitor.store.AsOf;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Database;
import org.aimonitor.store.Histories;
import org.aimonitor.store.ImportLog;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Period;
import org.aimonitor.store.ViewRows;
import org.aimonitor.updates.NewSince;
import org.aimonitor.web.Addresses;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Page;
import org.aimonitor.web.Paging;
import org.aimonitor.web.VintageParam;

/**
 * {@code GET /indicators} and {@code GET /indicators/{code}} with its {@code .csv} and
 * {@code .json} twins, and the same as the API ({@code /api/v1/indicators},
 * {@code /api/v1/indicators/{code}}). One route serves all three because Javalin matches {@code {code}}
 * against "x.csv" too, and which route wins would then depend on registration order. Each
 * answer reads in one transaction, and only what it shows.
 */
public final class IndicatorHandler {

  private final Database db;

  private final java.time.Clock clock;

  public IndicatorHandler(Database db, java.time.Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void list(Context ctx) {
    Text t = Text.of(ctx);
    Paging paging = Paging.parse(ctx, IndicatorListView.PAGE_SIZE, t);
    IndicatorListView.Order order = IndicatorListView.Order.parse(ctx, t);
    LocalDate today = LocalDate.now(clock);
    IndicatorListView view = db.jdbi().inTransaction(h -> IndicatorListView.build(h, order, paging,
        today, t));
    Page.render(ctx, "indicators", t.t("nav.indicators"), "indicators", view);
  }

  /** Whether the address names the CSV twin, which streams and is never cached. */
  public static boolean isCsv(Context ctx) {
    return ctx.pathParam("code").endsWith(".csv");
  }

  /** Whether the address names the workbook twin, which streams and is never cached. */
  public static boolean isWorkbook(Context ctx) {
    return ctx.pathParam("code").endsWith(".xlsx");
  }

  /**
   * The page or its JSON. Refusals (400, 404) are said in the page's language for the page
   * (an error page); the JSON twin answers in English like the API it mirrors.
   */
  public void show(Context ctx) {
    String name = ctx.pathParam("code");
    if (name.endsWith(".json")) {
      json(ctx, name.substring(0, name.length() - ".json".length()));
    } else {
      Text t = Text.of(ctx);
      Filter filter = Filter.parse(ctx, t);
      Paging paging = Paging.parse(ctx, IndicatorData.PAGE_SIZE, t);
      LocalDate today = LocalDate.now(clock);
      Period period = SideBySide.period(ctx, t);
      String level = SideBySide.level(ctx, t);
      IndicatorPageView view = db.jdbi().inTransaction(h -> {
        AsOf asOf = vintage(ctx, h, today, t);
        IndicatorData data = IndicatorData.page(h, name, filter, paging, asOf, t);
        String code = data.indicator().code();
        // A past view shows the data of its day only: not today's freshness, marks or places
        // side by side (those read today's figures).
        FreshnessView freshness = asOf.any() ? null
            : FreshnessView.read(h, List.of(code), true, today, t).get(code);
        NewSince.State seen = asOf.any() ? NewSince.State.OFF : NewSince.of(ctx, ImportLog.on(h).latestId());
        SideBySide places = asOf.any() ? SideBySide.NONE : SideBySide.read(h, data.indicator(),
            filter, data.places() > 0, data.names(), period, level);
        return IndicatorPageView.build(data, places, freshness, paging, Addresses.origin(ctx),
            today, seen, t);
      });
      Page.render(ctx, "indicator", view.name(), "indicators", view,
          List.of(new Page.Feed(t.t("updates.feed.indicator-title", view.name()),
              "/indicators/" + name + ".atom" + (t.zh() ? "?lang=zh" : ""))));
    }
  }

  /** {@code GET /api/v1/indicators}: every indicator in list order with its latest figure, a page at a time. */
  public void apiList(Context ctx) {
    ApiPaging paging = ApiPaging.parse(ctx, IndicatorQueries.LIST_ORDER);
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      List<IndicatorQueries.Latest> page = h.attach(IndicatorQueries.class).inCategoryOrder(
          IndicatorQueries.LIST_ORDER.after(paging.after()), paging.limit() + 1, 0);
      boolean more = page.size() > paging.limit();
      List<IndicatorQueries.Latest> shown = more ? page.subList(0, paging.limit()) : page;
      List<Histories.Recorded> figures = shown.stream()
          .filter(l -> l.recorded() != null).map(IndicatorQueries.Latest::recorded).toList();
      Set<String> cited = new LinkedHashSet<>();
      figures.forEach(r -> cited.add(r.observation().source()));
      DataStore store = h.attach(DataStore.class);
      ViewRows rows = ViewRows.of(store.dataVersion(), List.of(), store.sources(cited),
          List.of(), List.of(), Histories.of(h, figures));
      String next = more ? Keyset.encode(shown.get(shown.size() - 1).key()) : null;
      return IndicatorDocuments.indicators(shown, rows, IndicatorDocuments.freshness(h,
          shown.stream().map(l -> l.indicator().code()).toList(), LocalDate.now(clock)),
          paging.next(ctx, next));
    }));
  }

  /** {@code GET /api/v1/indicators/{code}}: the indicator and a page of its figures under the filter. */
  public void apiShow(Context ctx) {
    json(ctx, ctx.pathParam("code"));
  }

  /** The JSON of indicator {@code code}: the API's document, in English whatever the request's language (docs/api.md). */
  private void json(Context ctx, String code) {
    Filter filter = Filter.parse(ctx, Text.EN);
    ApiPaging paging = ApiPaging.parse(ctx, IndicatorQueries.FIGURE_ORDER);
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      AsOf asOf = vintage(ctx, h, LocalDate.now(clock), Text.EN);
      IndicatorData data = IndicatorData.apiPage(h, code, filter, paging.after(), paging.limit(),
          asOf, Text.EN);
      String found = data.indicator().code();
      // A past view holds the data of its day only: today's freshness is not among them.
      return IndicatorDocuments.indicator(data, asOf.any() ? null
          : IndicatorDocuments.freshness(h, List.of(found), LocalDate.now(clock)).get(found),
          paging.next(ctx, data.next()));
    }));
  }

  /**
   * The CSV twin: every figure of the view (no paging), in page order, streamed as it is read
   * in one transaction. Refusals are error pages in the page's language.
   */
  public void csv(Context ctx) {
    String name = ctx.pathParam("code");
    String code = name.substring(0, name.length() - 4);
    Text t = Text.of(ctx);
    Filter filter = Filter.parse(ctx, t);
    db.jdbi().useTransaction(h -> {
      // Looked up first, so an unknown code is a 404 page, not an empty file.
      IndicatorData.require(h, code, filter, t);
      AsOf asOf = vintage(ctx, h, LocalDate.now(clock), t);
      String file = code + (asOf.any() ? "-" + (asOf.first() ? "first" : asOf.asOf()) : "") + ".csv";
      CsvExport.stream(ctx, file, h.attach(DataStore.class).dataVersion(),
          CsvTable.OBSERVATIONS,
          sink -> IndicatorData.forEach(h, code, filter, asOf, o -> sink.accept(ExportStore.row(o))));
    });
  }

  /**
   * The workbook twin ({@code .xlsx}, the CSV twin's parameters): a "Read me" sheet (the view,
   * as of when, how to cite, the qualifiers) and every figure of the view in page order, each
   * with its unit, qualifier, period, place and source (a link), streamed as read in one
   * transaction. Refusals are error pages in the page's language.
   */
  public void xlsx(Context ctx) {
    String name = ctx.pathParam("code");
    String code = name.substring(0, name.length() - ".xlsx".length());
    Text t = Text.of(ctx);
    Filter filter = Filter.parse(ctx, t);
    LocalDate today = LocalDate.now(clock);
    String origin = Addresses.origin(ctx);
    db.jdbi().useTransaction(h -> {
      IndicatorData.require(h, code, filter, t);
      AsOf asOf = vintage(ctx, h, today, t);
      org.aimonitor.store.Indicator indicator = h.attach(DataStore.class).indicator(code).orElseThrow();
      long version = h.attach(DataStore.class).dataVersion();
      String view = filter.describe(t, org.aimonitor.i18n.Names.ofRegions(filter.places(h, t)));
      String address = origin + "/indicators/" + code + withLang(asOf.keptOn(filter.query()), t);
      String vintageLine = IndicatorPageView.vintageLabel(asOf, t);
      org.aimonitor.download.Workbooks.ReadMe readMe = new org.aimonitor.download.Workbooks.ReadMe(
          t.name(indicator), t.definition(indicator), org.aimonitor.download.Workbooks.asOf(h, t),
          t.date(today), address,
          org.aimonitor.citation.CitationText.workbookView(org.aimonitor.citation.Citation.ofView(
              "aim-" + code, t.lang(), t.name(indicator), t.t("site.name"), version, today, address),
              vintageLine == null ? view : view + t.t("list.separator") + vintageLine),
          vintageLine == null
              ? List.of(t.t("workbook.readme.view", view), t.t("workbook.readme.unit", t.unit(indicator)),
                  t.t("workbook.readme.publishers"))
              : List.of(t.t("workbook.readme.view", view), vintageLine,
                  t.t("workbook.readme.unit", t.unit(indicator)), t.t("workbook.readme.publishers")));
      org.aimonitor.download.Workbooks.stream(ctx, code + ".xlsx", wb -> {
        org.aimonitor.download.Workbooks.readMe(wb, readMe, t);
        org.aimonitor.download.FigureSheet sheet = org.aimonitor.download.FigureSheet.start(wb, h,
            t.t("workbook.sheet.figures"), List.of(), t);
        IndicatorData.forEach(h, code, filter, asOf, sheet::add);
        sheet.finish();
      });
    });
  }

  /**
   * {@code GET /indicators/{code}/cite.bib} (and .ris, .csl.json, .txt, .gbt7714.txt): the
   * citation file of the view the same filter and vintage show, in the page's language; what its
   * "How to cite" says, with the original sources of the figures the page shows. 404 for a file
   * name that is no citation format.
   */
  public void cite(Context ctx) {
    Text t = Text.of(ctx);
    String code = ctx.pathParam("code");
    org.aimonitor.citation.CitationFormat format = org.aimonitor.citation.CitationFormat
        .byFile(ctx.pathParam("file"))
        .orElseThrow(() -> HttpProblem.of(404, "error.404.title", "error.404.message"));
    Filter filter = Filter.parse(ctx, t);
    LocalDate today = LocalDate.now(clock);
    String origin = Addresses.origin(ctx);
    org.aimonitor.citation.Citation citation = db.jdbi().inTransaction(h -> {
      AsOf asOf = vintage(ctx, h, today, t);
      IndicatorData data = IndicatorData.page(h, code, filter,
          Paging.parse(java.util.Map.of(), IndicatorData.PAGE_SIZE, t), asOf, t);
      return IndicatorPageView.fileCitation(data, asOf, origin, today, t);
    });
    ctx.contentType(format.contentType());
    ctx.header("Content-Disposition", "attachment; filename=\"" + code + "." + format.extension() + "\"");
    ctx.result(format.write(citation));
  }

  /** The vintage the request asks for ({@link VintageParam}), in the handle's transaction. */
  private static AsOf vintage(Context ctx, org.jdbi.v3.core.Handle h, LocalDate today, Text t) {
    return VintageParam.parse(ctx, ImportLog.on(h).firstImportDay(), today, t);
  }

  /** A query string with the language added when it is not English. */
  private static String withLang(String query, Text t) {
    if (!t.zh()) {
      return query;
    }
    return query + (query.isEmpty() ? "?" : "&") + "lang=zh";
  }
}
