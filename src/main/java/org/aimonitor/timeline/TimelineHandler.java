package org.aimonitor.timeline;

import io.javalin.http.Context;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.web.Page;
import org.aimonitor.web.Paging;

/** {@code GET /timeline}: the events, a page at a time. */
public final class TimelineHandler {

  private final Database db;

  public TimelineHandler(Database db) {
    this.db = db;
  }

  public void show(Context ctx) {
    Text t = Text.of(ctx);
    Paging paging = Paging.parse(ctx, TimelineView.PAGE_SIZE, t);
    TimelineView view = db.jdbi().inTransaction(h -> TimelineView.build(h, paging, t));
    Page.render(ctx, "timeline", t.t("nav.timeline"), "timeline", view);
  }
}
