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
import org.aimonitor.updates.FeedAnswer;
import org.aimonitor.web.Addresses;
import org.aimonitor.web.HttpProblem;
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

  /**
   * The page, or with a {@code .json} name its JSON twin (in English, like the API); a
   * {@code .atom} name is its feed ({@link #feed}).
   */
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
          view.period()), "indicators", view, java.util.List.of(new Page.Feed(
              t.t("figure.feed.title", view.indicatorName() + t.t("list.separator")
                  + view.regionName() + t.t("list.separator") + view.period()), view.feedHref())));
    }
  }

  /**
   * {@code GET /figures/{id}.atom}: the figure's first publication and revisions with their
   * imports' reasons; {@code ?lang=zh} in Chinese. A vintage means nothing to a feed (400).
   */
  public void feed(Context ctx) {
    Text t = FeedAnswer.language(ctx);
    String name = ctx.pathParam("id");
    long id = id(name.substring(0, name.length() - ".atom".length()), Text.of(ctx));
    for (String param : VintageParam.PARAMS.names()) {
      if (ctx.queryParamMap().containsKey(param)) {
        Text page = Text.of(ctx);
        throw HttpProblem.said(400, page.t("filter.error.title"), page.t("updates.feed.error.param", param));
      }
    }
    LocalDate today = LocalDate.now(clock);
    String origin = Addresses.origin(ctx);
    // Unknown figures are 404 before the feed's validator is offered.
    db.jdbi().withHandle(h -> h.attach(FigureQueries.class).figure(id))
        .orElseThrow(() -> FigureView.notFound(String.valueOf(id), Text.of(ctx)));
    FeedAnswer.answer(db, ctx, t, origin, h -> {
      String identity = ImportLog.on(h).firstImportAt();
      return java.util.Optional.of(FigureFeed.of(
          FigureView.build(h, id, AsOf.TODAY, origin, today, t), identity, origin, t));
    });
  }

  /** Whether the address names a figure's feed ({@code /figures/14.atom}). */
  public static boolean isFeed(Context ctx) {
    return ctx.pathParam("id").endsWith(".atom");
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
