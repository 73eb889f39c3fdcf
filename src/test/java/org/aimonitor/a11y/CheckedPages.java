package org.aimonitor.a11y;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.aimonitor.TestApp;

/**
 * The HTML pages the validation and accessibility checks visit: one of every kind the site
 * serves (with the status each must answer), and every indicator's page for the checks that
 * are cheap enough to visit them all.
 */
public final class CheckedPages {

  /** A page to check: its path with query, and the HTTP status it must answer with. */
  public record Page(String path, int status) {

    /** A file name for the fetched page that says which page it is. */
    public String fileName() {
      String name = path.equals("/") ? "overview" : path.substring(1)
          .replaceAll("[^A-Za-z0-9_.-]+", "_");
      return name + ".html";
    }

    /** The same page asked for in Chinese ({@code lang=zh}). */
    public Page inChinese() {
      return new Page(path + (path.contains("?") ? "&" : "?") + "lang=zh", status);
    }

    @Override
    public String toString() {
      return path;
    }
  }

  /**
   * One page of each kind and state: the section pages, indicator pages drawn by year (with
   * forecasts, targets and a series break) and over time (a stock), a filtered view, a view
   * with nothing to draw, the place pages, rankings and comparisons, and the 404 and 400 error
   * pages.
   */
  public static final List<Page> KINDS = List.of(
      new Page("/", 200),
      new Page("/summary", 200),
      new Page("/indicators", 200),
      new Page("/indicators?sort=freshness", 200),
      new Page("/indicators?status=overdue", 200),
      new Page("/indicators/ai_core_industry_scale", 200),
      new Page("/indicators/ai_pc_share", 200),
      new Page("/indicators/ai_enterprises", 200),
      new Page("/indicators/ai_core_industry_scale?region=CN&from=2020&to=2025", 200),
      new Page("/indicators/ai_pc_share?region=US&from=2099", 200),
      // vintage: a past view of an indicator (its banner, and the vintage on every link).
      new Page("/indicators/ai_core_industry_scale?vintage=first", 200),
      new Page("/sources", 200),
      new Page("/sources/xinhua-2025-10-01", 200),
      // A figure's own page: the seed's CAICT lower bound for 2024 (row 14 of observations.csv).
      new Page("/figures/14", 200),
      // The watch on cited figures: the form alone, a list (its table), a refused list.
      new Page("/figures/changes", 200),
      new Page("/figures/changes?ids=1,14,15", 200),
      new Page("/figures/changes?ids=abc", 400),
      new Page("/timeline", 200),
      // The release calendar: what is due and each series' record (issue 29).
      new Page("/calendar", 200),
      new Page("/data", 200),
      new Page("/updates", 200),
      new Page("/updates/1", 200),
      new Page("/updates/1?page=3", 200),
      new Page("/updates?from=2026-02-30", 400),
      new Page("/updates/999", 404),
      // Places: the list, a place, an indicator with regional figures only (it leads with the
      // ranking), a comparison of chosen places, the full ranking, a period without figures.
      new Page("/regions", 200),
      new Page("/regions/CN-GD", 200),
      new Page("/indicators/ai_industry_scale", 200),
      new Page("/indicators/ai_enterprises?region=CN-BJ,CN-SH,CN-GD", 200),
      new Page("/indicators/ai_enterprises/ranking?period=2024", 200),
      new Page("/indicators/ai_enterprises?period=1990", 200),
      // Search: results in every group (北京), one group paged, nothing found, the empty form,
      // and a query too long to search.
      new Page("/search?q=%E5%8C%97%E4%BA%AC", 200),
      new Page("/search?q=ai&kind=sources&page=2", 200),
      new Page("/search?q=%E9%BE%98%E9%BE%98", 200),
      new Page("/search", 200),
      new Page("/search?q=ai&kind=everything", 400),
      new Page("/no/such/page", 404),
      new Page("/indicators/ai_core_industry_scale?region=MARS", 400),
      new Page("/indicators/ai_core_industry_scale?page=0", 400));

  private CheckedPages() {
  }

  /** {@link #KINDS} in both languages and the page of every indicator in the app's database. */
  public static List<Page> all(TestApp app) {
    List<Page> pages = new ArrayList<>(KINDS);
    pages.addAll(KINDS_IN_CHINESE);
    org.aimonitor.TestData.everything(app.db()).indicators().keySet().stream()
        .map(code -> new Page("/indicators/" + code, 200))
        .filter(p -> !pages.contains(p))
        .forEach(pages::add);
    return pages;
  }

  /** {@link #KINDS} asked for in Chinese. */
  public static final List<Page> KINDS_IN_CHINESE = KINDS.stream().map(Page::inChinese).toList();

  /** {@link #KINDS} as a stream, for parameterised tests. */
  public static Stream<Page> kinds() {
    return KINDS.stream();
  }

  /** {@link #KINDS_IN_CHINESE} as a stream. */
  public static Stream<Page> kindsInChinese() {
    return KINDS_IN_CHINESE.stream();
  }
}
