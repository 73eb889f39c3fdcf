package org.aimonitor.updates;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.aimonitor.api.ApiPaging;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.region.Filter;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Database;
import org.aimonitor.store.ImportLog;
import org.aimonitor.store.Keyset;
import org.aimonitor.web.Addresses;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Page;
import org.aimonitor.web.Paging;
import org.aimonitor.web.QueryParams;
import org.jdbi.v3.core.Handle;

/**
 * What is new: {@code /updates} (every import, newest first), {@code /updates/{id}} (one
 * import's changes), their Atom feeds ({@code /updates.atom}, {@code /indicators/{code}.atom})
 * and JSON ({@code /api/v1/updates}, {@code /api/v1/updates/{id}}). Each answer reads in one
 * transaction, and only what it shows.
 */
public final class UpdatesHandler {

  /** API pages of imports go by id, newest first; a cursor holds the last id given. */
  static final Keyset API_ORDER = new Keyset("id");
  private static final Pattern ID = Pattern.compile("[1-9]\\d{0,17}");
  /**
   * The parameters of the figures' views on the route an indicator's feed shares with its page
   * (its filter and pages): a feed refuses them.
   */
  private static final QueryParams FIGURE_VIEW_PARAMS = QueryParams.all(Filter.PARAMS,
      Paging.PARAMS, ApiPaging.PARAMS);

  private final Database db;

  public UpdatesHandler(Database db) {
    this.db = db;
  }

  /** {@code GET /updates}: imports newest first, {@code ?from=&to=} days, {@code ?page=N}. */
  public void list(Context ctx) {
    Text t = Text.of(ctx);
    DateFilter filter = DateFilter.parse(ctx, t);
    Paging paging = Paging.parse(ctx, UpdatesView.PAGE_SIZE, t);
    UpdatesView view = db.jdbi().inTransaction(h ->
        UpdatesView.build(h, filter, paging, NewSince.of(ctx, ImportLog.on(h).latestId()), t));
    Page.render(ctx, "updates", t.t("updates.title"), "updates", view);
  }

  /** {@code GET /updates/{id}}: one import's changes, {@code ?page=N} of its figures. */
  public void show(Context ctx) {
    Text t = Text.of(ctx);
    long id = id(ctx.pathParam("id"), t);
    Paging paging = Paging.parse(ctx, ImportView.PAGE_SIZE, t);
    ImportView view = db.jdbi().inTransaction(h ->
        ImportView.build(h, id, paging, NewSince.of(ctx, ImportLog.on(h).latestId()), t));
    Page.render(ctx, "update", view.head().title(), "updates", view);
  }

  /** {@code GET /updates.atom}: the latest imports as an Atom feed. */
  public void feed(Context ctx) {
    Text t = feedText(ctx);
    String origin = Addresses.origin(ctx);
    answerFeed(ctx, t, origin, h -> Optional.of(Feeds.all(h, origin, t)));
  }

  /** {@code GET /indicators/{code}.atom}: the imports that changed one indicator's figures. */
  public void indicatorFeed(Context ctx) {
    Text t = feedText(ctx);
    String name = ctx.pathParam("code");
    String code = name.substring(0, name.length() - ".atom".length());
    // The route's view parameters mean nothing to a feed: refused rather than ignored, so that
    // a feed has one address.
    for (String param : FIGURE_VIEW_PARAMS.names()) {
      if (ctx.queryParamMap().containsKey(param)) {
        Text page = Text.of(ctx);
        throw HttpProblem.said(400, page.t("filter.error.title"), page.t("updates.feed.error.param", param));
      }
    }
    if (db.jdbi().withHandle(h -> h.attach(DataStore.class).indicator(code)).isEmpty()) {
      throw HttpProblem.said(404, Text.of(ctx).t("indicator.error.not-found.title"),
          Text.of(ctx).t("indicator.error.not-found", code));
    }
    String origin = Addresses.origin(ctx);
    answerFeed(ctx, t, origin, h -> Feeds.indicator(h, code, origin, t));
  }

  private void answerFeed(Context ctx, Text t, String origin,
      Function<Handle, Optional<AtomFeed.Feed>> read) {
    FeedAnswer.answer(db, ctx, t, origin, read);
  }

  /**
   * {@code GET /api/v1/updates}: imports newest first; {@code limit}, {@code cursor}, {@code from},
   * {@code to}.
   */
  public void apiList(Context ctx) {
    DateFilter filter = DateFilter.parse(ctx, Text.EN);
    ApiPaging paging = ApiPaging.parse(ctx, API_ORDER);
    if (paging.after() != null && !(paging.after().get(0) instanceof Number)) {
      throw HttpProblem.said(400, "Bad request", "The parameter \"cursor\" is not a cursor this"
          + " list gave out; start without it, then follow \"next\".");
    }
    long before = paging.after() == null ? Long.MAX_VALUE
        : ((Number) paging.after().get(0)).longValue();
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      ImportLog.IdRange range = ImportLog.on(h).range(filter.from(), filter.to());
      List<ImportLog.Entry> page = ImportLog.on(h).newestFirst(range, before, paging.limit() + 1, 0);
      boolean more = page.size() > paging.limit();
      List<ImportLog.Entry> shown = more ? page.subList(0, paging.limit()) : page;
      String next = more ? Keyset.encode(List.of(shown.get(shown.size() - 1).id())) : null;
      return new UpdateDocuments.UpdateList(shown.stream().map(UpdateDocuments.UpdateDoc::of).toList(),
          paging.next(ctx, next));
    }));
  }

  /** {@code GET /api/v1/updates/{id}}: one import and its figure changes; {@code limit}, {@code cursor}. */
  public void apiShow(Context ctx) {
    long id = id(ctx.pathParam("id"), Text.EN);
    ApiPaging paging = ApiPaging.parse(ctx, UpdateQueries.CHANGE_ORDER);
    Json.respond(ctx, db.jdbi().inTransaction(h -> {
      ImportLog.Entry log = ImportLog.on(h).byId(id).orElseThrow(() -> ImportView.notFound(id, Text.EN));
      List<FigureChanges.Change> page = FigureChanges.page(h, id, null, paging.after(),
          paging.limit() + 1, 0);
      boolean more = page.size() > paging.limit();
      List<FigureChanges.Change> shown = more ? page.subList(0, paging.limit()) : page;
      ChangeViews.Lookup lookup = ChangeViews.Lookup.read(h, shown);
      List<UpdateDocuments.RowChangeDoc> others = new ArrayList<>();
      if (paging.after() == null) {
        for (CsvTable table : RowChanges.tables()) {
          if (log.tables().isEmpty() || log.table(table).touched()) {
            RowChanges.of(h, id, table, ImportView.ROWS_LISTED)
                .forEach(r -> others.add(UpdateDocuments.RowChangeDoc.of(r)));
          }
        }
      }
      String next = more ? Keyset.encode(shown.get(shown.size() - 1).key()) : null;
      return new UpdateDocuments.UpdateDetail(UpdateDocuments.UpdateDoc.of(log),
          FigureChanges.count(h, id, null),
          shown.stream().map(c -> UpdateDocuments.FigureChangeDoc.of(c, lookup)).toList(),
          others, paging.next(ctx, next));
    }));
  }

  /** An import's number from the address; anything else is no import (404). */
  private static long id(String text, Text t) {
    if (!ID.matcher(text).matches()) {
      throw ImportView.notFound(text, t);
    }
    return Long.parseLong(text);
  }

  /** A feed's language ({@link FeedAnswer#language}). */
  static Text feedText(Context ctx) {
    return FeedAnswer.language(ctx);
  }
}
