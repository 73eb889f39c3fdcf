package org.aimonitor.calendar;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Database;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.ImportLog;
import org.aimonitor.web.Addresses;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Page;
import org.aimonitor.web.PageCache;
import org.aimonitor.web.Paging;

/**
 * The release calendar: {@code GET /calendar} (the page), {@code /calendar.ics} (every
 * indicator's awaited release) and {@code /indicators/{code}.ics} (one indicator's). The files
 * do not depend on the day (an overdue release stays in its month; only the page says it is
 * overdue), so their answers change only when an import does: an indicator's file is kept in
 * the page cache, the whole calendar is streamed and answered conditionally.
 */
public final class CalendarHandler {

  private final Database db;
  private final Clock clock;

  public CalendarHandler(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void show(Context ctx) {
    Text t = Text.of(ctx);
    Paging paging = Paging.parse(ctx, CalendarView.PAGE_SIZE, t);
    LocalDate today = LocalDate.now(clock);
    CalendarView view = db.jdbi().inTransaction(h -> CalendarView.build(h, paging, today, t));
    Page.render(ctx, "calendar", t.t("calendar.title"), "calendar", view);
  }

  /**
   * {@code GET /calendar.ics}: streamed from one read transaction as the rows are read (an event
   * per scheduled indicator, so its size follows theirs), and answered conditionally rather than
   * kept in the page cache: its validator is the data version, the latest import, the language
   * and the address, so a calendar app's poll of an unchanged calendar reads nothing.
   */
  public void all(Context ctx) {
    Text t = Text.of(ctx);
    String origin = Addresses.origin(ctx);
    Database.Version v = db.version();
    String etag = "W/\"ics-" + v.number() + "-" + v.lastImport() + "-" + t.lang().code() + "-"
        + Integer.toHexString(origin.hashCode()) + "\"";
    ctx.header(Header.ETAG, etag)
        .header(Header.CACHE_CONTROL, "no-cache")
        .header(Header.VARY, "Accept-Encoding, Cookie");
    String ifNoneMatch = ctx.header(Header.IF_NONE_MATCH);
    if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
        .anyMatch(tag -> tag.equals(etag) || tag.equals("*"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.header(Header.LAST_MODIFIED, PageCache.httpDate(PageCache.lastChange(v)));
    ctx.header("Content-Disposition", "inline; filename=\"releases.ics\"");
    ctx.contentType(Ics.CONTENT_TYPE);
    db.jdbi().useTransaction(h -> {
      String identity = ImportLog.on(h).firstImportAt();
      CalendarQueries q = h.attach(CalendarQueries.class);
      Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(),
          StandardCharsets.UTF_8), 64 * 1024);
      Ics.write(out, t.t("calendar.ics.name"), t.t("calendar.ics.description"),
          CalendarFeed.language(t),
          sink -> q.eachAwaited(a -> sink.accept(CalendarFeed.event(identity, a, origin, t))));
      try {
        out.flush();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** {@code GET /indicators/{code}.ics}: 404 for an indicator the data do not have. */
  public void indicator(Context ctx) {
    Text t = Text.of(ctx);
    String name = ctx.pathParam("code");
    String code = name.substring(0, name.length() - ".ics".length());
    String origin = Addresses.origin(ctx);
    Ics.Calendar calendar = db.jdbi().inTransaction(h -> {
      Indicator indicator = h.attach(DataStore.class).indicator(code)
          .orElseThrow(() -> HttpProblem.said(404, t.t("indicator.error.not-found.title"),
              t.t("indicator.error.not-found", code)));
      // No schedule, no event: an empty calendar, so a subscription keeps working once one is.
      List<CalendarQueries.Awaited> one = h.attach(CalendarQueries.class).awaited(code)
          .map(List::of).orElse(List.of());
      return CalendarFeed.of(ImportLog.on(h).firstImportAt(), one,
          t.t("calendar.ics.name.indicator", t.name(indicator)), origin, t);
    });
    answer(ctx, calendar, code + ".ics");
  }

  private static void answer(Context ctx, Ics.Calendar calendar, String file) {
    ctx.header("Content-Disposition", "inline; filename=\"" + file + "\"");
    ctx.contentType(Ics.CONTENT_TYPE).result(Ics.write(calendar));
  }
}
