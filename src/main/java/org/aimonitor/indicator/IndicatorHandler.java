package org.aimonitor.indicator;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import org.aimonitor.api.ApiDocuments;
import org.aimonitor.api.ApiPaging;
import org.aimonitor.download.CsvExport;
import org.aimonitor.download.ExportStore;
import org.aimonitor.figures.Filter;
import org.aimonitor.figures.IndicatorData;
import org.aimonitor.freshness.FreshnessView;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.region.SideBySide;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Database;
import org.aimonitor.store.Period;
import org.aimonitor.updates.Imports;
import org.aimonitor.updates.NewSince;
import org.aimonitor.web.Addresses;
import org.aimonitor.web.Page;
import org.aimonitor.web.Paging;

/**
 * {@code GET /indicators} and {@code GET /indicators/{code}} with its {@code .csv} and
 * {@code .json} twins. One route serves all three because Javalin matches {@code {code}}
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
    Paging paging = Paging.parse(ctx.queryParamMap(), IndicatorListView.PAGE_SIZE, t);
    IndicatorListView.Order order = IndicatorListView.Order.parse(ctx.queryParamMap(), t);
    LocalDate today = LocalDate.now(clock);
    IndicatorListView view = db.jdbi().inTransaction(h -> IndicatorListView.build(h, order, paging,
        today, t));
    Page.render(ctx, "indicators", t.t("nav.indicators"), "indicators", view);
  }

  /** Whether the address names the CSV twin, which streams and is never cached. */
  public static boolean isCsv(Context ctx) {
    return ctx.pathParam("code").endsWith(".csv");
  }

  /**
   * The page or its JSON. Refusals (400, 404) are said in the page's language for the page
   * (an error page); the JSON twin answers in English like the API it mirrors.
   */
  public void show(Context ctx) {
    String name = ctx.pathParam("code");
    if (name.endsWith(".json")) {
      Filter filter = Filter.parse(ctx.queryParamMap(), Text.EN);
      ApiPaging paging = ApiPaging.parse(ctx.queryParamMap(), IndicatorData.PAGE_ORDER);
      String code = name.substring(0, name.length() - 5);
      Json.respond(ctx, db.jdbi().inTransaction(h -> {
        IndicatorData data = IndicatorData.apiPage(h, code, filter, paging.after(), paging.limit(),
            Text.EN);
        String found = data.indicator().code();
        return ApiDocuments.indicator(data,
            ApiDocuments.freshness(h, List.of(found), LocalDate.now(clock)).get(found),
            paging.next(ctx, data.next()));
      }));
    } else {
      Text t = Text.of(ctx);
      Filter filter = Filter.parse(ctx.queryParamMap(), t);
      Paging paging = Paging.parse(ctx.queryParamMap(), IndicatorData.PAGE_SIZE, t);
      LocalDate today = LocalDate.now(clock);
      Period period = SideBySide.period(ctx.queryParamMap(), t);
      IndicatorPageView view = db.jdbi().inTransaction(h -> {
        IndicatorData data = IndicatorData.page(h, name, filter, paging, t);
        String code = data.indicator().code();
        FreshnessView freshness = FreshnessView.read(h, List.of(code), true, today, t).get(code);
        NewSince.State seen = NewSince.of(ctx, Imports.latestId(h));
        return IndicatorPageView.build(data, SideBySide.read(h, data, period), freshness, paging,
            Addresses.origin(ctx), today, seen, t);
      });
      Page.render(ctx, "indicator", view.name(), "indicators", view,
          List.of(new Page.Feed(t.t("updates.feed.indicator-title", view.name()),
              "/indicators/" + name + ".atom" + (t.zh() ? "?lang=zh" : ""))));
    }
  }

  /**
   * The CSV twin: every figure of the view (no paging), in page order, streamed as it is read
   * in one transaction. Refusals are error pages in the page's language.
   */
  public void csv(Context ctx) {
    String name = ctx.pathParam("code");
    String code = name.substring(0, name.length() - 4);
    Text t = Text.of(ctx);
    Filter filter = Filter.parse(ctx.queryParamMap(), t);
    db.jdbi().useTransaction(h -> {
      // Looked up first, so an unknown code is a 404 page, not an empty file.
      IndicatorData.require(h, code, filter, t);
      CsvExport.stream(ctx, code + ".csv", h.attach(DataStore.class).dataVersion(),
          CsvTable.OBSERVATIONS,
          sink -> IndicatorData.forEach(h, code, filter, o -> sink.accept(ExportStore.row(o))));
    });
  }
}
