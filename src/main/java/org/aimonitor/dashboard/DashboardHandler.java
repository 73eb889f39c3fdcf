package org.aimonitor.dashboard;

import io.javalin.http.Context;
import org.aimonitor.i18n.Text;
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
    Text t = Text.of(ctx);
    DashboardView view = DashboardView.build(Snapshot.load(db), t);
    Page.render(ctx, "dashboard", t.t("nav.overview"), "overview", view);
  }
}
