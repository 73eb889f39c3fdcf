package org.aimonitor.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Region;
import org.aimonitor.store.Source;
import org.aimonitor.store.Term;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * What /search shows: the query, each group with its count and its best matches (or one group,
 * paged, when the reader asked for all of one kind), every match a link with the query's words
 * marked; when nothing matched, the categories to browse instead.
 */
public record SearchView(String query, boolean asked, List<GroupView> groups, long total,
    String kindHeading, Paging.Pager pager, List<CategoryLink> categories) {

  /** Matches per group on the page of all groups. */
  public static final int PER_GROUP = 5;
  /** Matches per page of one group. */
  public static final int PAGE_SIZE = 20;
  private static final int TIMELINE_PAGE = 100;

  /** One match: where it links, its title (parts, some marked), and what else identifies it. */
  public record Item(String href, List<Highlight.Part> title, String titleLang, String meta,
      String metaLang, String figure, String source, String sourceLang) {

    Item(String href, List<Highlight.Part> title, String titleLang, String meta, String metaLang,
        String figure) {
      this(href, title, titleLang, meta, metaLang, figure, null, null);
    }
  }

  /** A group: "Indicators (3)", its matches, and a link to all of them when there are more. */
  public record GroupView(String code, String heading, String count, List<Item> items,
      String moreHref, String moreText) {
  }

  public record CategoryLink(String href, String label) {
  }

  public boolean empty() {
    return asked && total == 0;
  }

  static SearchView build(Handle h, Search.Results r, Search.Kind only, Paging paging, Text t) {
    String q = r.query().text();
    List<GroupView> groups = new ArrayList<>();
    for (Search.Group g : r.groups()) {
      if (g.total() == 0) {
        continue;
      }
      List<Item> items = g.items().stream().map(x -> item(h, x, r.highlight(), t)).toList();
      String count = g.capped() ? t.t("search.count.capped", t.count(g.total())) : t.count(g.total());
      boolean more = only == null && g.total() > items.size();
      groups.add(new GroupView(g.kind().code(), t.t("search.kind." + g.kind().code()), count, items,
          more ? href(q, g.kind(), 1) : null,
          more ? t.t("search.more", t.count(g.total()), t.t("search.kind." + g.kind().code())) : null));
    }
    Paging.Pager pager = null;
    String kindHeading = null;
    if (only != null) {
      kindHeading = t.t("search.kind." + only.code());
      Search.Group g = r.group(only);
      pager = paging.pager(g == null ? 0 : g.total(), p -> href(q, only, p), t);
    }
    List<CategoryLink> categories = List.of();
    if (!q.isEmpty() && r.total() == 0) {
      categories = h.attach(SearchQueries.class).categories().stream()
          .map(c -> new CategoryLink("/indicators#category-" + c.code(), label(c, t))).toList();
    }
    return new SearchView(q, !q.isEmpty(), groups, r.total(), kindHeading, pager, categories);
  }

  private static String label(Term c, Text t) {
    return t.zh() ? c.nameZh() : c.nameEn();
  }

  /** The address of page {@code page} of one group's matches. */
  static String href(String q, Search.Kind kind, int page) {
    return "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&kind=" + kind.code()
        + (page > 1 ? "&page=" + page : "");
  }

  private static Item item(Handle h, Object x, List<String> words, Text t) {
    String en = t.zh() ? "en" : null;
    if (x instanceof Indicator i) {
      return new Item("/indicators/" + i.code(), Highlight.of(t.name(i), words), null,
          t.unit(i) + " · " + i.code(), null, null);
    }
    if (x instanceof Region p) {
      String name = t.zh() ? p.nameZh() : p.nameEn();
      String other = t.zh() ? p.nameEn() : p.nameZh();
      return new Item("/regions/" + p.code(), Highlight.of(name, words), null,
          other + " · " + p.code(), t.zh() ? "en" : "zh-CN", null);
    }
    if (x instanceof Source s) {
      String lang = t.lang(s);
      return new Item("/sources/" + s.id(), Highlight.of(s.title(), words), lang,
          s.publisher() + (s.publishedOn() == null ? "" : " · " + t.date(s.publishedOn())), en, null);
    }
    if (x instanceof SearchQueries.EventRow e) {
      String title = t.zh() ? e.titleZh() : e.titleEn();
      return new Item("/timeline?page=" + Search.timelinePage(h, e, TIMELINE_PAGE),
          Highlight.of(title, words), null, e.date(), null, null);
    }
    Search.Figure f = (Search.Figure) x;
    Indicator i = f.indicator();
    String place = f.place() == null ? f.observation().region()
        : t.zh() ? f.place().nameZh() : f.place().nameEn();
    String year = String.valueOf(f.observation().period().startYear());
    String href = "/indicators/" + i.code() + "?region=" + f.observation().region() + "&from="
        + year + "&to=" + f.observation().period().last().getYear();
    String source = f.source() == null ? f.observation().source() : f.source().publisher();
    // Publishers are recorded by their English names: marked so on a Chinese page.
    String sourceLang = f.source() == null ? null : "en";
    return new Item(href, Highlight.of(t.name(i) + " · " + place, words), null,
        t.period(i, f.observation()) + " · " + t.qualifier(f.observation().qualifier()), null,
        t.figure(i, f.observation()), source,
        sourceLang == null || sourceLang.equals(t.lang().htmlLang()) ? null : sourceLang);
  }
}
