package org.aimonitor.api;

import io.javalin.http.Context;
import org.aimonitor.i18n.Text;
import org.aimonitor.indicator.Filter;
import org.aimonitor.indicator.IndicatorData;
import org.aimonitor.store.Database;
import org.aimonitor.store.Snapshot;
import org.aimonitor.web.Json;

/** {@code GET /api/v1/...}: the data as JSON; errors are JSON too (see App). */
public final class ApiHandler {

  private final Database db;

  public ApiHandler(Database db) {
    this.db = db;
  }

  public void indicators(Context ctx) {
    Json.respond(ctx, ApiDocuments.indicators(Snapshot.load(db)));
  }

  public void indicator(Context ctx) {
    // The API speaks English whatever the request's language (README, "JSON API").
    Filter filter = Filter.parse(ctx.queryParamMap(), Text.EN);
    IndicatorData data = IndicatorData.load(Snapshot.load(db), ctx.pathParam("code"), filter, Text.EN);
    Json.respond(ctx, ApiDocuments.indicator(data));
  }

  public void sources(Context ctx) {
    Json.respond(ctx, ApiDocuments.sources(Snapshot.load(db)));
  }

  public void events(Context ctx) {
    Json.respond(ctx, ApiDocuments.events(Snapshot.load(db)));
  }
}
