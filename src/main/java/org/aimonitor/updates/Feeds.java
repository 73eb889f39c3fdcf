package org.aimonitor.updates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.ImportLog;
import org.aimonitor.store.Indicator;
import org.jdbi.v3.core.Handle;

/**
 * The Atom feeds: {@code /updates.atom}, one entry per import (the latest {@link #ENTRIES}),
 * and {@code /indicators/{code}.atom}, one entry per import that changed the indicator's
 * figures. Each entry sums up the import and lists its first {@link #ITEMS} figure changes,
 * linking to the import's page for the rest, so a feed is bounded however large imports are.
 *
 * <p>Ids are {@code urn:uuid:} name-based UUIDs of this database's identity (when its first
 * import was logged, which never changes) and what the feed or entry is ("imports/5",
 * "indicators/x"): the same whichever address the reader used, on every request and after every
 * later import, and different from another monitor's import 5. A {@code tag:} URI would need a
 * domain the publisher owns; a self-hosted monitor has no fixed name (localhost, an address, a
 * proxy's host), so the ids name none.
 */
public final class Feeds {

  /** Imports a feed lists. */
  public static final int ENTRIES = 20;
  /** Figure changes an entry lists; its page has the rest. */
  public static final int ITEMS = 10;

  private Feeds() {
  }

  /** The feed of every import, with addresses on {@code origin} ("https://monitor.example"). */
  public static AtomFeed.Feed all(Handle h, String origin, Text t) {
    String identity = ImportLog.on(h).firstImportAt();
    List<AtomFeed.Entry> entries = new ArrayList<>();
    for (ImportLog.Entry log : ImportLog.on(h).newestFirst(new ImportLog.IdRange(1, Long.MAX_VALUE),
        Long.MAX_VALUE, ENTRIES, 0)) {
      List<FigureChanges.Change> changes = FigureChanges.preview(h, log.id(), null, ITEMS);
      ChangeViews.Lookup lookup = ChangeViews.Lookup.read(h, changes);
      String summary = ChangeViews.whatChanged(log, changes, UpdatesView.figureCount(h, log),
          lookup, true, t);
      List<String> paragraphs = new ArrayList<>();
      paragraphs.add(t.t("updates.feed.by", t.who(log.who()), ChangeViews.when(log.at(), t)));
      if (log.reason() != null) {
        paragraphs.add(t.t("updates.feed.reason", log.reason()));
      }
      if (log.changedSomething()) {
        log.tables().stream().filter(ImportLog.TableCount::touched).forEach(c -> paragraphs.add(
            t.t("updates.table.line", ChangeViews.tableName(c.table(), t), t.count(c.added()),
                t.count(c.changed()), t.count(c.unchanged()))));
      } else {
        paragraphs.add(ChangeViews.nothing(log, t));
      }
      entries.add(new AtomFeed.Entry(AtomFeed.id(name(identity, "imports/" + log.id())),
          title(log, summary, t),
          log.at(), log.at(), t.who(log.who()), origin + "/updates/" + log.id() + lang(t, "?"), summary,
          new AtomFeed.Content(paragraphs, items(changes, lookup, true, origin, t),
              origin + "/updates/" + log.id() + lang(t, "?"), t.t("updates.feed.all-changes", log.id()))));
    }
    return new AtomFeed.Feed(AtomFeed.id(name(identity, "imports")), t.t("updates.feed.title"),
        t.t("updates.feed.subtitle"), updated(entries), origin + "/updates.atom" + lang(t, "?"),
        origin + "/updates" + lang(t, "?"), t.lang().htmlLang(), t.t("site.name"), entries);
  }

  /** The feed of one indicator's changes, or empty when there is no such indicator. */
  public static java.util.Optional<AtomFeed.Feed> indicator(Handle h, String code, String origin,
      Text t) {
    java.util.Optional<Indicator> found = h.attach(DataStore.class).indicator(code);
    if (found.isEmpty()) {
      return java.util.Optional.empty();
    }
    Indicator indicator = found.get();
    String identity = ImportLog.on(h).firstImportAt();
    String page = origin + "/indicators/" + code;
    List<AtomFeed.Entry> entries = new ArrayList<>();
    for (long id : FigureChanges.importsOf(h, code, ENTRIES)) {
      ImportLog.Entry log = ImportLog.on(h).byId(id).orElse(null);
      if (log == null) {
        continue;
      }
      List<FigureChanges.Change> changes = FigureChanges.preview(h, id, code, ITEMS);
      ChangeViews.Lookup lookup = ChangeViews.Lookup.read(h, changes);
      long total = FigureChanges.count(h, id, code);
      long changed = FigureChanges.changedCount(h, id, code);
      String summary = t.t("updates.feed.indicator-summary", t.name(indicator),
          t.count(total - changed), t.count(changed));
      List<String> paragraphs = new ArrayList<>();
      paragraphs.add(t.t("updates.feed.by", t.who(log.who()), ChangeViews.when(log.at(), t)));
      if (log.reason() != null) {
        paragraphs.add(t.t("updates.feed.reason", log.reason()));
      }
      paragraphs.add(summary);
      entries.add(new AtomFeed.Entry(AtomFeed.id(name(identity, "imports/" + id + "/indicators/" + code)),
          title(log, ChangeViews.whatChanged(log, changes, total, lookup, false, t), t),
          log.at(), log.at(),
          t.who(log.who()), origin + "/updates/" + id + lang(t, "?"), summary,
          new AtomFeed.Content(paragraphs, items(changes, lookup, false, origin, t),
              origin + "/updates/" + id + lang(t, "?"), t.t("updates.feed.all-changes", id))));
    }
    return java.util.Optional.of(new AtomFeed.Feed(AtomFeed.id(name(identity, "indicators/" + code)),
        t.t("updates.feed.indicator-title", t.name(indicator)), t.definition(indicator),
        updated(entries), page + ".atom" + lang(t, "?"), page + lang(t, "?"),
        t.lang().htmlLang(), t.t("site.name"), entries));
  }

  /**
   * An entry's title: the import, its day, and what it did, after the reason staff gave, so a
   * feed reader's list names the release ("Import 2 (7 Dec 2026): December 2026 data release;
   * Figures: Generative AI users, China (mainland), Dec 2024 added; …").
   */
  static String title(ImportLog.Entry log, String summary, Text t) {
    String day = t.date(ImportLog.day(log.at()));
    return log.reason() == null ? t.t("updates.feed.entry", log.id(), day, summary)
        : t.t("updates.feed.entry.reason", log.id(), day, log.reason(), summary);
  }

  /** "AI core industry scale, China (mainland), 2025: > ¥900 billion → ≈ ¥950 billion; CAICT". */
  private static List<AtomFeed.Item> items(List<FigureChanges.Change> changes,
      ChangeViews.Lookup lookup, boolean withIndicator, String origin, Text t) {
    List<AtomFeed.Item> items = new ArrayList<>();
    for (FigureChanges.Change c : changes) {
      ChangeViews.Row row = ChangeViews.row(c, lookup, t);
      Indicator i = lookup.indicators().get(c.indicator());
      String what = (withIndicator ? (i == null ? c.indicator() : t.name(i)) + t.t("list.separator") : "")
          + row.regionLabel() + t.t("list.separator") + row.periodLabel();
      String figure = row.before() == null
          ? t.t("updates.feed.added", row.after())
          : t.t("updates.feed.changed", row.before(), row.after());
      String source = row.source() == null ? ""
          : t.t("updates.feed.source", row.source().publisher(), row.sourceDate());
      items.add(new AtomFeed.Item(t.t("updates.feed.item", what, figure, source),
          origin + row.figureHref() + lang(t, "&")));
    }
    return items;
  }

  private static Instant updated(List<AtomFeed.Entry> entries) {
    return entries.stream().map(AtomFeed.Entry::updated).max(Instant::compareTo)
        .orElse(Instant.EPOCH);
  }

  /** "lang=zh" after {@code sep} on Chinese feeds' links, nothing on English ones. */
  private static String lang(Text t, String sep) {
    return t.zh() ? sep + "lang=zh" : "";
  }

  /** The name an id is made from: this monitor, then what the id is of. */
  static String name(String identity, String what) {
    return identity + "/" + what;
  }
}
