package org.aimonitor.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Region;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * {@code /regions}: the places with figures of their own, grouped by level (the world, countries,
 * provinces and municipalities, cities), a page of {@link #PAGE_SIZE} at a time, each with its
 * parent, how many places within it have figures, and how many figures and indicators it has.
 *
 * @param groups     this page's places by level, in list order
 * @param levels     every level with how many places have figures, linking to that level alone
 * @param filter     the level and parent asked for
 * @param parentName the parent asked for, by name, or null
 * @param total      places listed on all pages
 * @param without    known places without figures of their own
 * @param dataLang   {@code lang} of the other language's names, shown beside each name
 */
public record PlaceListView(List<Group> groups, List<LevelLink> levels, PlaceFilter filter,
    String parentName, String parentHref, long total, long without, Paging.Pager pager,
    long dataVersion, String dataLang) {

  public static final int PAGE_SIZE = 100;

  /** The places of one level on this page. */
  public record Group(String level, String heading, List<Entry> places) {
  }

  /** A level of places: its name, how many have figures, and the list of that level alone. */
  public record LevelLink(String level, String label, long count, String href, boolean current) {
  }

  /**
   * A place as the list shows it: name in the page's language and the other, code, its parent
   * (name and link, or null), how many places within it have figures (and the list of them),
   * its figures and indicators.
   */
  public record Entry(String code, String name, String otherName, String href, String parent,
      String parentHref, long children, String childrenHref, long figures, long indicators) {
  }

  /** The page {@code paging} of the list, read in the handle's transaction. */
  static PlaceListView build(Handle h, PlaceFilter filter, Paging paging, Text t) {
    filter.check(h, t);
    RegionQueries queries = h.attach(RegionQueries.class);
    Map<String, Long> byLevel = new LinkedHashMap<>();
    Region.LEVELS.forEach(l -> byLevel.put(l, 0L));
    byLevel.putAll(queries.levelCounts(filter));
    long total = filter.level() == null
        ? byLevel.values().stream().mapToLong(Long::longValue).sum()
        : byLevel.getOrDefault(filter.level(), 0L);
    paging.check(total, t);
    List<RegionQueries.Counted> page = queries.withFigures(filter, paging.size(), paging.offset());
    Set<String> named = new LinkedHashSet<>();
    page.forEach(c -> {
      if (c.region().parent() != null) {
        named.add(c.region().parent());
      }
    });
    if (filter.parent() != null) {
      named.add(filter.parent());
    }
    Names names = Names.read(h, named, List.of(), List.of());
    Map<String, List<Entry>> grouped = new LinkedHashMap<>();
    for (RegionQueries.Counted c : page) {
      Region r = c.region();
      grouped.computeIfAbsent(r.level(), k -> new ArrayList<>()).add(new Entry(r.code(),
          t.zh() ? r.nameZh() : r.nameEn(), t.zh() ? r.nameEn() : r.nameZh(), href(r.code()),
          r.parent() == null ? null : names.region(r.parent(), t),
          r.parent() == null ? null : href(r.parent()), c.children(),
          "/regions" + new PlaceFilter(null, r.code()).query(1), c.figures(), c.indicators()));
    }
    List<Group> groups = new ArrayList<>();
    grouped.forEach((level, entries) -> groups.add(
        new Group(level, t.t("places.level.plural." + level), entries)));
    List<LevelLink> levels = new ArrayList<>();
    levels.add(new LevelLink("", t.t("places.level.all"),
        byLevel.values().stream().mapToLong(Long::longValue).sum(),
        "/regions" + filter.withLevel(null).query(1), filter.level() == null));
    for (String level : Region.LEVELS) {
      levels.add(new LevelLink(level, t.t("places.level.plural." + level), byLevel.get(level),
          "/regions" + filter.withLevel(level).query(1), level.equals(filter.level())));
    }
    return new PlaceListView(groups, levels, filter,
        filter.parent() == null ? null : names.region(filter.parent(), t),
        filter.parent() == null ? null : href(filter.parent()), total,
        filter.isEmpty() ? queries.withoutFigures() : 0,
        paging.pager(total, p -> "/regions" + filter.query(p), t),
        h.attach(DataStore.class).dataVersion(),
        t.lang() == Lang.EN ? Lang.ZH.htmlLang() : Lang.EN.htmlLang());
  }

  static String href(String code) {
    return "/regions/" + code;
  }
}
