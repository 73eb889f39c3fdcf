package org.aimonitor.watch;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aimonitor.i18n.Text;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.QueryParams;

/**
 * What a watch is of, all in its address: {@code ids} (figure ids, at most {@link #MAX}, written
 * with commas; spaces, new lines and figure addresses are read too, so a pasted list works) and
 * {@code since=YYYY-MM-DD} (the day the reader cited them; absent: as first published here).
 * The canonical form sorts the ids and writes each once ({@link #query}): the page cache keys on
 * it, so one list is one entry however it was typed.
 *
 * @param ids   the figure ids, ascending, each once
 * @param since the cited day, or null for "as first published"
 */
public record WatchList(List<Long> ids, LocalDate since) {

  /** The most figures one watch may list: a report's worth, and a bounded read. */
  public static final int MAX = 200;
  public static final QueryParams PARAMS = QueryParams.of("ids", "since");
  /** An id as figure addresses write it: no sign, no leading zero, at most 18 digits. */
  static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
  /** A figure's address or path, as a pasted citation has it: ".../figures/14?as_of=…". */
  private static final Pattern ADDRESS = Pattern.compile("(?:.*/)?figures/([^/?#]+)(?:[?#].*)?");
  /** The longest {@code ids} value read: 200 ids of 18 digits with separators, and some room. */
  static final int MAX_TEXT = 16 * 1024;

  public WatchList {
    ids = List.copyOf(ids);
  }

  public boolean empty() {
    return ids.isEmpty();
  }

  /**
   * The list the request names, or an empty one when it names none (the form alone).
   *
   * @param firstImport the day of the first import (a watch cannot look back further), or null
   * @throws HttpProblem 400 in {@code t}'s language: more than {@link #MAX} ids, an id that is
   *                     not one, a bad, future or too early {@code since}
   */
  public static WatchList parse(Context ctx, LocalDate firstImport, LocalDate today, Text t) {
    Map<String, List<String>> query = PARAMS.in(ctx);
    return of(PARAMS.single(query, "ids", t), PARAMS.single(query, "since", t), firstImport,
        today, t);
  }

  /** As {@link #parse}, from the parameters' text (null when absent). */
  public static WatchList of(String idsText, String sinceText, LocalDate firstImport,
      LocalDate today, Text t) {
    TreeSet<Long> ids = new TreeSet<>();
    if (idsText != null) {
      if (idsText.length() > MAX_TEXT) {
        throw refused(t, t.t("watch.error.too-long", MAX_TEXT / 1024, MAX));
      }
      List<String> bad = new ArrayList<>();
      for (String token : idsText.split("[\\s,;]+")) {
        if (token.isEmpty()) {
          continue;
        }
        Long id = id(token);
        if (id == null) {
          bad.add(token);
        } else {
          ids.add(id);
        }
      }
      if (!bad.isEmpty()) {
        String shown = bad.stream().limit(5).map(b -> b.length() > 40 ? b.substring(0, 40) + "…" : b)
            .collect(Collectors.joining(t.t("list.separator")));
        throw refused(t, t.t("watch.error.bad-id", shown, bad.size()));
      }
      if (ids.size() > MAX) {
        throw refused(t, t.t("watch.error.too-many", t.count(ids.size()), MAX));
      }
      if (ids.isEmpty()) {
        throw refused(t, t.t("watch.error.none"));
      }
    }
    LocalDate since = null;
    if (sinceText != null) {
      try {
        since = LocalDate.parse(sinceText);
      } catch (DateTimeParseException e) {
        throw refused(t, t.t("watch.error.since", sinceText.length() > 40
            ? sinceText.substring(0, 40) + "…" : sinceText));
      }
      if (since.isAfter(today)) {
        throw refused(t, t.t("watch.error.future", since.toString()));
      }
      if (firstImport == null || since.isBefore(firstImport)) {
        throw refused(t, t.t("watch.error.before-first", since.toString(),
            firstImport == null ? "–" : firstImport.toString()));
      }
    }
    return new WatchList(new ArrayList<>(ids), since);
  }

  /** The id a token names (a number, or a figure's address), or null. */
  static Long id(String token) {
    Matcher address = ADDRESS.matcher(token);
    String text = address.matches() ? address.group(1) : token;
    return ID.matcher(text).matches() ? Long.valueOf(text) : null;
  }

  /** "1,2,3": the canonical {@code ids} value. */
  public String idsText() {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** The canonical query: "ids=1,2,3&since=2026-11-15" (since left out when absent). */
  public String query() {
    return "ids=" + idsText() + (since == null ? "" : "&since=" + since);
  }

  static HttpProblem refused(Text t, String message) {
    return HttpProblem.said(400, t.t("watch.error.title"), message);
  }
}
