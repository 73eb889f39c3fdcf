package org.aimonitor.updates;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.PageCache;
import org.jdbi.v3.core.Handle;

/**
 * How every Atom feed is answered (the imports', an indicator's, a figure's, a watch list's):
 * conditionally, never from the page cache. Their links carry the address the reader used (a
 * feed reader needs absolute ones), and a cache keyed on any Host a client sends could be filled
 * at will. The validator costs no rendering instead: it is made of the data version, the latest
 * import, the language and the address, so a feed reader's poll of an unchanged feed reads
 * nothing but the version.
 */
public final class FeedAnswer {

  private FeedAnswer() {
  }

  /** Answers with the feed {@code read} makes (404 when empty), or 304 when the reader has it. */
  public static void answer(Database db, Context ctx, Text t, String origin,
      Function<Handle, Optional<AtomFeed.Feed>> read) {
    Database.Version v = db.version();
    String etag = "W/\"atom-" + v.number() + "-" + v.lastImport() + "-" + t.lang().code() + "-"
        + Integer.toHexString(origin.hashCode()) + "\"";
    String ifNoneMatch = ctx.header(Header.IF_NONE_MATCH);
    ctx.header(Header.VARY, "Accept-Encoding");
    if (ifNoneMatch != null && List.of(ifNoneMatch.split(",")).stream().map(String::trim)
        .anyMatch(tag -> tag.equals(etag) || tag.equals("*"))) {
      ctx.header(Header.ETAG, etag);
      ctx.status(HttpStatus.NOT_MODIFIED).result("");
      return;
    }
    // Empty only when what the feed is of went in the moment since it was looked up.
    AtomFeed.Feed feed = db.jdbi().inTransaction(read::apply)
        .orElseThrow(() -> HttpProblem.of(404, "error.404.title", "error.404.message"));
    ctx.header(Header.ETAG, etag);
    ctx.header(Header.LAST_MODIFIED, PageCache.httpDate(PageCache.lastChange(v)));
    ctx.header(Header.CACHE_CONTROL, "no-cache");
    ctx.contentType(AtomFeed.CONTENT_TYPE).result(AtomFeed.write(feed));
  }

  /**
   * A feed's language: {@code ?lang=zh} for Chinese, else English. Only the address decides
   * (not the cookie or the browser's languages): a feed reader polls one address for everyone
   * who subscribed to it.
   */
  public static Text language(Context ctx) {
    return Text.of(Lang.of(String.valueOf(ctx.queryParam(Lang.PARAM))).orElse(Lang.EN));
  }
}
