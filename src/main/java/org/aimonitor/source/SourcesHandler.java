package org.aimonitor.source;

import io.javalin.http.Context;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.web.Page;
import org.aimonitor.web.Paging;

/** {@code GET /sources} (the source register) and {@code GET /sources/{id}} (one source). */
public final class SourcesHandler {

  private final Database db;

  public SourcesHandler(Database db) {
    this.db = db;
  }

  public void list(Context ctx) {
    Text t = Text.of(ctx);
    Paging paging = Paging.parse(ctx, SourcesView.PAGE_SIZE, t);
    SourcesView view = db.jdbi().inTransaction(h -> SourcesView.build(h, paging, t));
    Page.render(ctx, "sources", t.t("nav.sources"), "sources", view);
  }

  public void show(Context ctx) {
    Text t = Text.of(ctx);
    Paging paging = Paging.parse(ctx, SourceView.PAGE_SIZE, t);
    SourceView view = db.jdbi().inTransaction(h -> SourceView.build(h, ctx.pathParam("id"), paging, t));
    Page.render(ctx, "source", t.t("source.page-title", view.entry().source().id()), "sources", view);
  }
}
