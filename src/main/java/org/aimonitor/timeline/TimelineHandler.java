package org.aimonitor.timeline;

import io.javalin.http.Context;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.store.Snapshot;
import org.aimonitor.web.Page;

/** {@code GET /timeline}: the events. */
public final class TimelineHandler {

  private final Database db;

  public TimelineHandler(Database db) {
    this.db = db;
  }

  public void show(Context ctx) {
    Text t = Text.of(ctx);
    Page.render(ctx, "timeline", t.t("nav.timeline"), "timeline", TimelineView.build(Snapshot.load(db), t));
  }
}
