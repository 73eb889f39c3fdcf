package org.aimonitor.source;

import io.javalin.http.Context;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.store.Snapshot;
import org.aimonitor.web.Page;

/** {@code GET /sources}: the source register. */
public final class SourcesHandler {

  private final Database db;

  public SourcesHandler(Database db) {
    this.db = db;
  }

  public void show(Context ctx) {
    Text t = Text.of(ctx);
    Page.render(ctx, "sources", t.t("nav.sources"), "sources", SourcesView.build(Snapshot.load(db), t));
  }
}
