package org.aimonitor.summary;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.aimonitor.freshness.FreshnessQueries;
import org.aimonitor.freshness.FreshnessView;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.dashboard.DashboardData;
import org.aimonitor.updates.LastImport;
import org.aimonitor.web.Page;

/** {@code GET /summary}: the one- to two-page printable summary. */
public final class SummaryHandler {

  private final Database db;
  private final Clock clock;

  public SummaryHandler(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void show(Context ctx) {
    Text t = Text.of(ctx);
    ZonedDateTime now = ZonedDateTime.now(clock);
    SummaryView view = db.jdbi().inTransaction(h -> {
      DashboardData.Loaded loaded = DashboardData.load(h, now.getYear(), SummaryView.MILESTONES,
          SummaryView.MILESTONE_CATEGORY);
      SummaryView built = SummaryView.build(loaded.data(), loaded.window(), now, t)
          .withLastImport(LastImport.read(h, t).orElse(null));
      LocalDate today = now.toLocalDate();
      return built.withFreshness(h.attach(FreshnessQueries.class).overdueCount(today),
          FreshnessView.read(h, built.keyIndicators(), false, today, t), t);
    });
    Page.render(ctx, "summary", t.t("nav.summary"), "summary", view);
  }
}
