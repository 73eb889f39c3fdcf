package org.aimonitor.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.aimonitor.i18n.Text;
import org.aimonitor.updates.AtomFeed;

/**
 * {@code /figures/changes.atom?ids=…&since=…}: the watch as a feed, an entry per revision since
 * the cited day of any listed figure, newest first (at most {@link #ENTRIES}), each naming the
 * figure, before → after, its import and reason. An entry's id is the one the figure's own feed
 * gives the same revision, so a reader who follows both sees it once.
 */
public final class WatchFeed {

  /** Entries a watch feed lists: the newest revisions. */
  public static final int ENTRIES = 100;

  private WatchFeed() {
  }

  static AtomFeed.Feed of(WatchView v, String identity, String origin, Text t) {
    record Dated(Instant at, AtomFeed.Entry entry) {
    }
    String lang = t.zh() ? "lang=zh" : "";
    List<Dated> all = new ArrayList<>();
    for (WatchView.Row r : v.rows()) {
      String what = r.indicatorName() + t.t("list.separator") + r.regionName()
          + t.t("list.separator") + r.period();
      for (WatchView.Change c : r.changes()) {
        Instant at = c.recordedAt() == null ? Instant.EPOCH : Instant.parse(c.recordedAt());
        String summary = t.t("watch.feed.entry", what, c.before(), c.after());
        String title = c.reason() == null ? summary : t.t("figure.feed.entry.reason", summary, c.reason());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(summary);
        paragraphs.add(c.importId() == null ? c.when() : t.t("figure.recorded", c.when(), c.importId()));
        if (c.reason() != null) {
          paragraphs.add(t.t("updates.feed.reason", c.reason()));
        }
        paragraphs.add(t.t("watch.feed.unit", r.unit()));
        String page = origin + r.href() + (lang.isEmpty() ? "" : "?" + lang);
        String name = c.importId() == null ? "figures/" + r.id() + "/states/" + c.when()
            : "figures/" + r.id() + "/imports/" + c.importId();
        all.add(new Dated(at, new AtomFeed.Entry(AtomFeed.id(identity + "/" + name), title, at, at,
            t.t("site.name"), page, summary, new AtomFeed.Content(paragraphs, List.of(), page,
                t.t("figure.feed.page")))));
      }
    }
    List<AtomFeed.Entry> entries = all.stream()
        .sorted(Comparator.comparing(Dated::at).reversed()).limit(ENTRIES).map(Dated::entry).toList();
    Instant updated = entries.stream().map(AtomFeed.Entry::updated).max(Instant::compareTo)
        .orElse(Instant.EPOCH);
    String html = origin + v.href() + (lang.isEmpty() ? "" : "&" + lang);
    String subtitle = v.sinceText() == null
        ? t.t("watch.feed.subtitle-first", v.rows().size(), v.revised())
        : t.t("watch.feed.subtitle", v.rows().size(), v.sinceText(), v.revised());
    return new AtomFeed.Feed(AtomFeed.id(identity + "/figures/changes?" + v.list().query()),
        t.t("watch.feed.title", v.rows().size()), subtitle, updated, origin + v.feedHref(), html,
        t.lang().htmlLang(), t.t("site.name"), entries);
  }
}
