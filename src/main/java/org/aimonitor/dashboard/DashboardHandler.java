package org.aimonitor.dashboard;

import io.javalin.http.Context;
import org.aimonitor.store.Database;
import org.aimonitor.store.Snapshot;
import org.aimonitor.web.Page;

/** {@code GET /}: the overview dashboard. */
public final class DashboardHandler {

  private final Database db;

  public DashboardHandler(Database db) {
    this.db = db;
  }

  public void show(Context ctx) {
    DashboardView view = DashboardView.build(Snapshot.load(db));
    Page.render(ctx, "dashboard", "Overview", "overview", view);
  }
}
