package org.aimonitor.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.AsOf;

/**
 * {@code as_of=YYYY-MM-DD} (the data as they stood at the end of that day) and
 * {@code vintage=first} (each figure as first published): the one parser of a vintage, for
 * figure pages, indicator views, their downloads and the API. A day in the future, before the
 * first import, or both at once is a 400 that says why (a JSON error on the API and
 * {@code .json} routes, as every {@link HttpProblem}).
 */
public final class VintageParam {

  public static final QueryParams PARAMS = QueryParams.of("as_of", "vintage");

  private VintageParam() {
  }

  /**
   * The vintage asked for; {@code firstImport} is the day of the first import (null when there
   * was none), {@code today} the server's day.
   */
  public static AsOf parse(Context ctx, LocalDate firstImport, LocalDate today, Text t) {
    Map<String, List<String>> query = PARAMS.in(ctx);
    String asOf = PARAMS.single(query, "as_of", t);
    String vintage = PARAMS.single(query, "vintage", t);
    if (vintage != null && !vintage.equals("first")) {
      throw HttpProblem.said(400, t.t("error.400.title"), t.t("figure.error.vintage", vintage));
    }
    if (asOf == null) {
      return vintage == null ? AsOf.TODAY : AsOf.FIRST;
    }
    if (vintage != null) {
      throw HttpProblem.said(400, t.t("error.400.title"), t.t("figure.error.both"));
    }
    LocalDate day;
    try {
      day = LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw HttpProblem.said(400, t.t("error.400.title"), t.t("figure.error.as-of", asOf));
    }
    if (day.isAfter(today)) {
      throw HttpProblem.said(400, t.t("error.400.title"), t.t("figure.error.future", asOf));
    }
    if (firstImport == null || day.isBefore(firstImport)) {
      throw HttpProblem.said(400, t.t("error.400.title"), t.t("figure.error.before-first", asOf,
          firstImport == null ? "–" : firstImport.toString()));
    }
    return AsOf.day(day);
  }
}
