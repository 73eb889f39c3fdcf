package org.aimonitor.figure;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import org.aimonitor.citation.CitationFormat;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.store.AsOf;
import org.aimonitor.store.Database;
import org.aimonitor.store.ImportLog;
import org.aimonitor.web.Addresses;
import org.aimonitor.web.Page;
import org.aimonitor.web.VintageParam;

/**
 * {@code GET /figures/{id}} (one figure's page), its {@code .json} twin, and
 * {@code GET /figures/{id}/cite.{bib,ris,csl.json,txt,gbt7714.txt}} (its citation files). Each
 * reads one figure in one transaction, by its row id.
 */
public final class FigureHandler {

  private final Database db;
  private final Clock clock;

  public FigureHandler(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The page, or with a {@code .json} name its JSON twin (in English, like the API). */
  public void show(Context ctx) {
    String name = ctx.pathParam("id");
    boolean json = name.endsWith(".json");
    Text t = json ? Text.EN : Text.of(ctx);
    long id = id(json ? name.substring(0, name.length() - ".json".length()) : name, t);
    FigureView view = read(ctx, id, t);
    if (json) {
      Json.respond(ctx, FigureDocument.of(view));
    } else {
      Page.render(ctx, "figure", t.t("figure.page-title", view.indicatorName(), view.regionName(),
          view.period()), "indicators", view);
    }
  }

  /** A citation file of the figure, in the reader's language. */
  public void cite(Context ctx) {
    Text t = Text.of(ctx);
    CitationFormat format = CitationFormat.byFile(ctx.pathParam("file"))
        .orElseThrow(() -> FigureView.notFound(ctx.pathParam("id") + "/" + ctx.pathParam("file"), t));
    long id = id(ctx.pathParam("id"), t);
    FigureView view = read(ctx, id, t);
    ctx.contentType(format.contentType());
    ctx.header("Content-Disposition", "attachment; filename=\"figure-" + id + "."
        + format.extension() + "\"");
    ctx.result(format.write(view.citation()));
  }

  private FigureView read(Context ctx, long id, Text t) {
    LocalDate today = LocalDate.now(clock);
    String origin = Addresses.origin(ctx);
    return db.jdbi().inTransaction(h -> {
      AsOf asked = VintageParam.parse(ctx, ImportLog.on(h).firstImportDay(), today, t);
      return FigureView.build(h, id, asked, origin, today, t);
    });
  }

  private static long id(String text, Text t) {
    if (!text.matches("[1-9][0-9]{0,17}")) {
      throw FigureView.notFound(text, t);
    }
    return Long.parseLong(text);
  }
}
