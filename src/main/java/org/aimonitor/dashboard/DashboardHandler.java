package org.aimonitor.dashboard;

import io.javalin.http.Context;
import java.time.LocalDate;
import org.aimonitor.freshness.Freshness;
import org.aimonitor.freshness.FreshnessView;
import org.aimonitor.i18n.Text;
import org.aimonitor.region.PlacesCard;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Database;
import org.aimonitor.store.ImportLog;
import org.aimonitor.updates.LastImport;
import org.aimonitor.updates.NewSince;
import org.aimonitor.updates.Notice;
import org.aimonitor.web.Page;

/** {@code GET /}: the overview dashboard. */
public final class DashboardHandler {

  private final Database db;

  private final java.time.Clock clock;

  public DashboardHandler(Database db, java.time.Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void show(Context ctx) {
    Text t = Text.of(ctx);
    // One read transaction: the page never mixes two imports.
    LocalDate today = LocalDate.now(clock);
    DashboardView view = db.jdbi().inTransaction(h -> {
      DashboardData.Loaded loaded = DashboardData.load(h, today.getYear(),
          DashboardView.TIMELINE_EVENTS, null);
      NewSince.State seen = NewSince.of(ctx, ImportLog.on(h).latestId());
      // The places card reads the same years back as the charts draw.
      return DashboardView.build(loaded.data(), loaded.window(),
          h.attach(DataStore.class).eventCount(),
          PlacesCard.read(h, loaded.window().since()), t)
          .withUpdates(LastImport.read(h, t).orElse(null), Notice.overview(h, seen, "/", t))
          .withFreshness(Freshness.overdueCount(h, today),
              FreshnessView.read(h, DashboardView.cardIndicators(), false, today, t), t)
          .withAge(today, t);
    });
    Page.render(ctx, "dashboard", t.t("nav.overview"), "overview", view);
  }
}
