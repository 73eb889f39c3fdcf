package org.aimonitor.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.aimonitor.i18n.Text;

/**
 * A numbered page of a long list on an HTML page: {@code ?page=N} (1 when absent), a fixed
 * number of rows per page. Like the other view parameters it is part of the permalink, so a
 * bad value is refused with a 400 that says why, never silently replaced.
 *
 * @param page the page asked for, from 1
 * @param size rows per page
 */
public record Paging(int page, int size) {

  private static final String PAGE = "page";
  /** The parameter it reads. */
  public static final QueryParams PARAMS = QueryParams.of(PAGE);
  /** Deeper pages than this are refused: no list the site shows is that long. */
  static final int MAX_PAGE = 1_000_000;
  private static final Pattern NUMBER = Pattern.compile("[1-9]\\d{0,6}");

  /** Reads {@code page} from the request (its route declares {@link #PARAMS}). */
  public static Paging parse(Context ctx, int size, Text t) {
    return parse(PARAMS.in(ctx), size, t);
  }

  /** Reads {@code page}; absent or empty means the first page. */
  public static Paging parse(Map<String, List<String>> query, int size, Text t) {
    String text = PARAMS.single(query, PAGE, t);
    if (text == null) {
      return new Paging(1, size);
    }
    if (!NUMBER.matcher(text).matches() || Integer.parseInt(text) > MAX_PAGE) {
      throw QueryParams.refused(t, t.t("paging.error.not-a-page", PAGE, text));
    }
    return new Paging(Integer.parseInt(text), size);
  }

  public long offset() {
    return (long) (page - 1) * size;
  }

  /** How many pages {@code total} rows fill (at least one, so an empty list has a page 1). */
  public int pages(long total) {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  /**
   * A page past the end of the list does not exist: a 404 in the page's language naming the
   * last page there is.
   */
  public void check(long total, Text t) {
    if (page > pages(total)) {
      throw HttpProblem.said(404, t.t("paging.error.title"),
          t.t("paging.error.past-end", page, pages(total)));
    }
  }

  /**
   * The pager under a list: "Figures 101–200 of 1,234", previous/next, and the numbers of a few
   * pages around this one. {@code href} gives the address of page N (with the view's other
   * parameters); {@code null} when everything fits on one page.
   */
  public Pager pager(long total, IntFunction<String> href, Text t) {
    int pages = pages(total);
    if (pages <= 1) {
      return null;
    }
    List<Pager.Link> links = new ArrayList<>();
    int first = Math.max(1, page - 2);
    int last = Math.min(pages, page + 2);
    if (first > 1) {
      links.add(new Pager.Link(1, href.apply(1), false));
      if (first > 2) {
        links.add(new Pager.Link(0, null, false));
      }
    }
    for (int p = first; p <= last; p++) {
      links.add(new Pager.Link(p, href.apply(p), p == page));
    }
    if (last < pages) {
      if (last < pages - 1) {
        links.add(new Pager.Link(0, null, false));
      }
      links.add(new Pager.Link(pages, href.apply(pages), false));
    }
    long from = Math.min(total, offset() + 1);
    long to = Math.min(total, offset() + size);
    return new Pager(page, pages, t.t("paging.range", t.count(from), t.count(to), t.count(total)),
        page > 1 ? href.apply(page - 1) : null, page < pages ? href.apply(page + 1) : null, links);
  }

  /**
   * What the pager shows. {@code range} is "101–200 of 1,234"; {@code prev}/{@code next} are
   * addresses or {@code null}; a link with number 0 is a gap ("…").
   */
  public record Pager(int page, int pages, String range, String prev, String next, List<Link> links) {

    /** A page number and its address; {@code current} for the page shown. */
    public record Link(int number, String href, boolean current) {

      public boolean gap() {
        return number == 0;
      }
    }
  }
}
