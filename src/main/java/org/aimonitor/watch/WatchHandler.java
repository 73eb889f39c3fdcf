package org.aimonitor.watch;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.store.Database;
import org.aimonitor.store.ImportLog;
import org.aimonitor.updates.FeedAnswer;
import org.aimonitor.web.Addresses;
import org.aimonitor.web.Page;
import org.jdbi.v3.core.Handle;

/**
 * The watch on what a reader cited: {@code GET /figures/changes?ids=…&since=…} (the page, with
 * the form), its {@code .json} and {@code .atom} twins, and {@code POST /figures/changes} (a
 * citation file uploaded, read and answered with a redirect to the address it names). No
 * account and no server-side state: the list lives in the address.
 */
public final class WatchHandler {

  private final Database db;
  private final Clock clock;

  public WatchHandler(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Sends an address that names a list in another form than the canonical (unsorted ids, a
   * pasted list, repeats) to the canonical one, so the page cache keys on the sorted list only.
   *
   * @return whether it redirected
   */
  public boolean redirectToCanonical(Context ctx) {
    Text t = Text.of(ctx);
    String ids = ctx.queryParam("ids");
    if (ids == null || ids.isBlank()) {
      return false;
    }
    WatchList list = WatchList.parse(ctx, firstImport(), LocalDate.now(clock), t);
    String since = ctx.queryParam("since");
    boolean canonical = ids.equals(list.idsText())
        && (since == null ? list.since() == null : since.equals(String.valueOf(list.since())));
    if (canonical) {
      return false;
    }
    ctx.redirect(path(ctx) + "?" + list.query() + langQuery(ctx), HttpStatus.FOUND);
    return true;
  }

  /** The page. */
  public void page(Context ctx) {
    Text t = Text.of(ctx);
    WatchView view = read(ctx, t);
    String title = view.listed() ? t.t("watch.title.listed", view.rows().size()) : t.t("watch.title");
    Page.render(ctx, "watch", title, "updates", view, view.listed()
        ? List.of(new Page.Feed(t.t("watch.feed.title", view.rows().size()), view.feedHref()))
        : List.of());
  }

  /** The JSON twin, in English like the API; a refusal is JSON too. */
  public void json(Context ctx) {
    WatchView view = read(ctx, Text.EN);
    if (!view.listed()) {
      throw WatchList.refused(Text.EN, Text.EN.t("watch.error.no-ids"));
    }
    Json.respond(ctx, WatchDocument.of(view));
  }

  /** The Atom feed of the list's revisions; {@code ?lang=zh} in Chinese. */
  public void feed(Context ctx) {
    Text t = FeedAnswer.language(ctx);
    LocalDate today = LocalDate.now(clock);
    WatchList list = WatchList.parse(ctx, firstImport(), today, Text.of(ctx));
    if (list.empty()) {
      throw WatchList.refused(Text.of(ctx), Text.of(ctx).t("watch.error.no-ids"));
    }
    String origin = Addresses.origin(ctx);
    // Unknown ids are refused (400, naming them) before the feed's validator is offered; a
    // poll of a good list costs a count.
    db.jdbi().useTransaction(h -> {
      if (h.attach(WatchQueries.class).known(list.ids()) < list.ids().size()) {
        WatchView.build(h, list, firstImport(h), today, Text.of(ctx));
      }
    });
    FeedAnswer.answer(db, ctx, t, origin, h -> Optional.of(WatchFeed.of(
        WatchView.build(h, list, firstImport(h), today, t),
        ImportLog.on(h).firstImportAt(), origin, t)));
  }

  /**
   * {@code POST /figures/changes}: a citation file (field {@code file}) or its text (field
   * {@code text}), and optionally the cited day ({@code since}, else the file's retrieval date).
   * Read in memory and forgotten; the answer is a 303 to the watch's address.
   */
  public void upload(Context ctx) {
    Text t = Text.of(ctx);
    String text = null;
    String since;
    try {
      if (ctx.isMultipartFormData()) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file != null && file.size() > 0) {
          try (InputStream in = file.content()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
      }
      if (text == null) {
        text = ctx.formParam("text");
      }
      since = ctx.formParam("since");
    } catch (Exception e) {
      // A malformed body: Jetty's multipart parser throws ServletException, which no signature
      // declares, or an IOException; either is the reader's request, not our fault. What is left
      // of the body is unread, so the connection cannot carry another request: say so, or a
      // client that reuses it gets no answer to its next request.
      ctx.header("Connection", "close");
      throw WatchList.refused(t, t.t("watch.error.upload-unreadable"));
    }
    if (text == null || text.isBlank()) {
      throw WatchList.refused(t, t.t("watch.error.upload-empty"));
    }
    CitationUpload found;
    try {
      found = CitationUpload.read(text);
    } catch (IllegalArgumentException e) {
      throw WatchList.refused(t, t.t("watch.error.upload-format", e.getMessage()));
    }
    if (found.ids().isEmpty()) {
      throw WatchList.refused(t, t.t("watch.error.upload-none"));
    }
    if (found.ids().size() > WatchList.MAX) {
      throw WatchList.refused(t, t.t("watch.error.too-many", t.count(found.ids().size()), WatchList.MAX));
    }
    LocalDate today = LocalDate.now(clock);
    String day = since != null && !since.isBlank() ? since.strip()
        : found.since() == null ? null : found.since().toString();
    WatchList list = WatchList.of(found.ids().stream().map(String::valueOf)
        .reduce((a, b) -> a + "," + b).orElse(""), day, firstImport(), today, t);
    ctx.redirect("/figures/changes?" + list.query() + (t.zh() ? "&lang=zh" : ""), HttpStatus.SEE_OTHER);
  }

  private WatchView read(Context ctx, Text t) {
    LocalDate today = LocalDate.now(clock);
    return db.jdbi().inTransaction(h -> {
      LocalDate first = firstImport(h);
      WatchList list = WatchList.parse(ctx, first, today, t);
      return WatchView.build(h, list, first, today, t);
    });
  }

  private LocalDate firstImport() {
    return db.jdbi().withHandle(WatchHandler::firstImport);
  }

  /** The UTC day of the first import (a watch cannot look back further), or null before it. */
  private static LocalDate firstImport(Handle h) {
    String at = ImportLog.on(h).firstImportAt();
    return at.isEmpty() ? null : LocalDate.parse(at.substring(0, 10));
  }

  private static String path(Context ctx) {
    return ctx.path();
  }

  private static String langQuery(Context ctx) {
    String lang = ctx.queryParam(Lang.PARAM);
    return lang != null && Lang.of(lang).isPresent() ? "&" + Lang.PARAM + "=" + Lang.of(lang).get().code() : "";
  }
}
