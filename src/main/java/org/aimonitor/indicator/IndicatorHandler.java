package org.aimonitor.indicator;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.aimonitor.api.ApiDocuments;
import org.aimonitor.download.CsvExport;
import org.aimonitor.download.ExportStore;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Database;
import org.aimonitor.store.Snapshot;
import org.aimonitor.web.Json;
import org.aimonitor.web.Page;

/**
 * {@code GET /indicators} and {@code GET /indicators/{code}} with its {@code .csv} and
 * {@code .json} twins. One route serves all three because Javalin matches {@code {code}}
 * against "x.csv" too, and which route wins would then depend on registration order.
 */
public final class IndicatorHandler {

  private final Database db;

  public IndicatorHandler(Database db) {
    this.db = db;
  }

  public void list(Context ctx) {
    Text t = Text.of(ctx);
    Page.render(ctx, "indicators", t.t("nav.indicators"), "indicators",
        IndicatorListView.build(Snapshot.load(db), t));
  }

  /**
   * The page, its CSV or its JSON. Refusals (400, 404) are said in the page's language for the
   * page and the CSV (both answered with an error page); the JSON twin answers in English like
   * the API it mirrors.
   */
  public void show(Context ctx) {
    String name = ctx.pathParam("code");
    if (name.endsWith(".csv")) {
      Text t = Text.of(ctx);
      Filter filter = Filter.parse(ctx.queryParamMap(), t);
      IndicatorData data = load(name.substring(0, name.length() - 4), filter, t);
      String csv = CsvExport.write(CsvTable.OBSERVATIONS,
          data.observations().stream().map(ExportStore::row).toList());
      ctx.contentType(CsvExport.CONTENT_TYPE)
          .header("Content-Disposition", "attachment; filename=\"" + data.indicator().code() + ".csv\"")
          .result(csv.getBytes(StandardCharsets.UTF_8));
    } else if (name.endsWith(".json")) {
      Filter filter = Filter.parse(ctx.queryParamMap(), Text.EN);
      IndicatorData data = load(name.substring(0, name.length() - 5), filter, Text.EN);
      Json.respond(ctx, ApiDocuments.indicator(data));
    } else {
      Text t = Text.of(ctx);
      Filter filter = Filter.parse(ctx.queryParamMap(), t);
      IndicatorData data = load(name, filter, t);
      IndicatorPageView view = IndicatorPageView.build(data, origin(ctx), LocalDate.now(ZoneOffset.UTC), t);
      Page.render(ctx, "indicator", view.name(), "indicators", view);
    }
  }

  private IndicatorData load(String code, Filter filter, Text t) {
    return IndicatorData.load(Snapshot.load(db), code, filter, t);
  }

  /** The origin the client used, so a citation links to the address the reader can open. */
  static String origin(Context ctx) {
    String host = ctx.host();
    return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
  }
}
