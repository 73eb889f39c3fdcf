package org.aimonitor.dashboard;

import io.javalin.http.Context;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.web.Page;

/** {@code GET /}: the overview dashboard. */
public final class DashboardHandler {

  private final Database db;

  public DashboardHandler(Database db) {
    this.db = db;
  }

  public void show(Context ctx) {
    Text t = Text.of(ctx);
    // One read transaction: the page never mixes two imports.
    int year = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();
    DashboardView view = db.jdbi().inTransaction(h -> {
      DashboardData.Loaded loaded = DashboardData.load(h, year, DashboardView.TIMELINE_EVENTS, null);
      return DashboardView.build(loaded.data(), loaded.window(),
          h.attach(org.aimonitor.store.DataStore.class).eventCount(), t);
    });
    Page.render(ctx, "dashboard", t.t("nav.overview"), "overview", view);
  }
}
