package org.aimonitor.indicator;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.aimonitor.api.ApiDocuments;
import org.aimonitor.download.CsvExport;
import org.aimonitor.download.ExportStore;
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
    Page.render(ctx, "indicators", "Indicators", "indicators", IndicatorListView.build(Snapshot.load(db)));
  }

  public void show(Context ctx) {
    String name = ctx.pathParam("code");
    Filter filter = Filter.parse(ctx.queryParamMap());
    if (name.endsWith(".csv")) {
      IndicatorData data = load(name.substring(0, name.length() - 4), filter);
      String csv = CsvExport.write(CsvTable.OBSERVATIONS,
          data.observations().stream().map(ExportStore::row).toList());
      ctx.contentType(CsvExport.CONTENT_TYPE)
          .header("Content-Disposition", "attachment; filename=\"" + data.indicator().code() + ".csv\"")
          .result(csv.getBytes(StandardCharsets.UTF_8));
    } else if (name.endsWith(".json")) {
      IndicatorData data = load(name.substring(0, name.length() - 5), filter);
      Json.respond(ctx, ApiDocuments.indicator(data));
    } else {
      IndicatorData data = load(name, filter);
      IndicatorPageView view = IndicatorPageView.build(data, origin(ctx), LocalDate.now(ZoneOffset.UTC));
      Page.render(ctx, "indicator", data.indicator().nameEn(), "indicators", view);
    }
  }

  private IndicatorData load(String code, Filter filter) {
    return IndicatorData.load(Snapshot.load(db), code, filter);
  }

  /** The origin the client used, so a citation links to the address the reader can open. */
  static String origin(Context ctx) {
    String host = ctx.host();
    return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
  }
}
