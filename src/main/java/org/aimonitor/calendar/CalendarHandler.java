package org.aimonitor.calendar;

import io.javalin.http.Context;
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
import org.aimonitor.web.Paging;

/**
 * The release calendar: {@code GET /calendar} (the page), {@code /calendar.ics} (every
 * indicator's awaited release) and {@code /indicators/{code}.ics} (one indicator's). The files
 * do not depend on the day (an overdue release stays in its month; only the page says it is
 * overdue), so their answers change only when an import does.
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

  /** {@code GET /calendar.ics}. */
  public void all(Context ctx) {
    Text t = Text.of(ctx);
    String origin = Addresses.origin(ctx);
    Ics.Calendar calendar = db.jdbi().inTransaction(h -> CalendarFeed.of(ImportLog.on(h).firstImportAt(),
        h.attach(CalendarQueries.class).awaited(), t.t("calendar.ics.name"), origin, t));
    answer(ctx, calendar, "releases.ics");
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
