package org.aimonitor.updates;

import java.util.ArrayList;
import java.util.List;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.ImportLog;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * {@code /updates}: every import, newest first, a page at a time: when, by whom, what it did
 * to each table, and the first figures it added or changed, grouped by indicator, each import
 * linking to its own page with all of them.
 *
 * @param filter      the days asked for; {@code filterLabel} says them in words
 * @param imports     this page's imports
 * @param total       imports in the filter, on all pages
 * @param newCount    imports on this page that are new since the reader's last visit
 * @param notice      the "new since your last visit" box
 * @param feedHref    the Atom feed in the page's language
 */
public record UpdatesView(
    DateFilter filter,
    String filterLabel,
    List<Card> imports,
    long total,
    Paging.Pager pager,
    Notice notice,
    String feedHref,
    String apiHref) {

  /** Imports per page. */
  public static final int PAGE_SIZE = 20;
  /** Figure changes an import shows here; its own page has the rest. */
  public static final int PREVIEW = 5;

  /**
   * An import on the list: its heading, the first figures it changed (grouped), how many it
   * recorded in all, and how many more its page lists.
   */
  public record Card(ChangeViews.Head head, List<ChangeViews.Group> preview, long figures,
      long more) {
  }

  /** The page {@code paging} of the imports {@code filter} covers, for a reader in state {@code s}. */
  public static UpdatesView build(Handle h, DateFilter filter, Paging paging, NewSince.State s,
      Text t) {
    ImportLog.IdRange range = ImportLog.on(h).range(filter.from(), filter.to());
    long total = ImportLog.on(h).count(range);
    paging.check(total, t);
    List<Card> cards = new ArrayList<>();
    for (ImportLog.Entry log : ImportLog.on(h).newestFirst(range, Long.MAX_VALUE, paging.size(),
        paging.offset())) {
      List<FigureChanges.Change> preview = FigureChanges.preview(h, log.id(), null, PREVIEW);
      long figures = figureCount(h, log);
      ChangeViews.Lookup lookup = ChangeViews.Lookup.read(h, preview);
      ChangeViews.Head head = ChangeViews.head(log, s, t);
      head = ChangeViews.titled(head, t.t("updates.card.title", head.title(),
          ChangeViews.whatChanged(log, preview, figures, lookup, true, t)));
      cards.add(new Card(head, ChangeViews.groups(preview, lookup, null, t), figures,
          Math.max(0, figures - preview.size())));
    }
    String back = "/updates" + filter.query(paging.page());
    Notice notice;
    if (!s.on()) {
      notice = Notice.off(back, t);
    } else if (s.since() >= s.seen()) {
      notice = Notice.of(s, t.t("updates.new.none", Notice.seenUpTo(h, s.since(), t)), false, back, t);
    } else {
      long newImports = s.seen() - s.since();
      notice = Notice.of(s, newImports == 1 ? t.t("updates.new.imports.one", Notice.seenUpTo(h, s.since(), t))
          : t.t("updates.new.imports", t.count(newImports), Notice.seenUpTo(h, s.since(), t)), true, back, t);
    }
    return new UpdatesView(filter, filter.describe(t), cards, total,
        paging.pager(total, p -> "/updates" + filter.query(p), t), notice,
        "/updates.atom" + (t.zh() ? "?lang=zh" : ""), "/api/v1/updates" + filter.query());
  }

  /**
   * How many figures an import added or changed: from its log entry, or counted where the entry
   * predates per-file counts.
   */
  static long figureCount(Handle h, ImportLog.Entry log) {
    boolean logged = log.loggedFiles().stream().allMatch(f -> f.added() != null);
    if (logged) {
      ImportLog.TableCount c = log.table(CsvTable.OBSERVATIONS);
      return c.added() + c.changed();
    }
    return FigureChanges.count(h, log.id(), null);
  }
}
