package org.aimonitor.updates;

import java.util.ArrayList;
import java.util.List;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.ImportLog;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * {@code /updates/{id}}: one import, and every figure it added or changed, grouped by
 * indicator and a page at a time, with the figure before and after, its qualifier, source and
 * a link to the indicator's page for its place; then what it did to the other tables (their
 * counts, and their first rows).
 *
 * @param groups      this page's figure changes by indicator
 * @param figureCount figures the import recorded, on all pages
 * @param others      the other tables the import touched (on the first page only)
 * @param older       the address of the import before, or null; {@code newer} the one after
 */
public record ImportView(
    ChangeViews.Head head,
    List<ChangeViews.Group> groups,
    long figureCount,
    Paging.Pager pager,
    List<ChangeViews.TableChanges> others,
    String older,
    String newer,
    Notice notice,
    String apiHref) {

  /** Figure changes per page. */
  public static final int PAGE_SIZE = 100;
  /** Rows of another table listed; the count says how many more there are. */
  public static final int ROWS_LISTED = 20;

  /**
   * Page {@code paging} of import {@code id} for a reader in state {@code s}.
   *
   * @throws HttpProblem 404 when there is no such import, or the page is past the end
   */
  public static ImportView build(Handle h, long id, Paging paging, NewSince.State s, Text t) {
    ImportLog.Entry log = ImportLog.on(h).byId(id).orElseThrow(() -> notFound(id, t));
    long figures = FigureChanges.count(h, id, null);
    paging.check(figures, t);
    // One row before the page, to tell whether its first indicator began on the page before.
    long offset = paging.offset();
    List<FigureChanges.Change> read = FigureChanges.page(h, id, null, null,
        paging.size() + (offset > 0 ? 1 : 0), offset > 0 ? offset - 1 : 0);
    String continuedFrom = null;
    if (offset > 0 && !read.isEmpty()) {
      continuedFrom = read.get(0).indicator();
      read = read.subList(1, read.size());
    }
    List<ChangeViews.Group> groups = ChangeViews.groups(read, ChangeViews.Lookup.read(h, read),
        continuedFrom, t);

    List<ChangeViews.TableChanges> others = new ArrayList<>();
    if (paging.page() == 1) {
      boolean logged = log.loggedFiles().stream().allMatch(f -> f.added() != null);
      for (CsvTable table : RowChanges.tables()) {
        ImportLog.TableCount count = log.table(table);
        if (logged && !count.touched()) {
          continue;
        }
        List<RowChanges.Change> rows = RowChanges.of(h, id, table, ROWS_LISTED);
        if (rows.isEmpty() && !count.touched()) {
          continue;
        }
        long recorded = logged ? count.added() + count.changed() : rows.size();
        others.add(new ChangeViews.TableChanges(table.sqlTable(), ChangeViews.tableName(table, t),
            t.t("updates.table.line", ChangeViews.tableName(table, t), t.count(count.added()),
                t.count(count.changed()), t.count(count.unchanged())),
            rows.stream().map(r -> ChangeViews.rowLine(r, t)).toList(),
            Math.max(0, recorded - rows.size())));
      }
    }

    long latest = ImportLog.on(h).latestId();
    String older = id > 1 && ImportLog.on(h).byId(id - 1).isPresent() ? "/updates/" + (id - 1) : null;
    String newer = id < latest ? "/updates/" + (id + 1) : null;
    String back = "/updates/" + id + (paging.page() > 1 ? "?page=" + paging.page() : "");
    Notice notice = Notice.of(s, s.isNew(id) ? t.t("updates.new.this-import",
        Notice.seenUpTo(h, s.since(), t)) : t.t("updates.new.this-import-seen"), s.isNew(id), back, t);
    return new ImportView(ChangeViews.head(log, s, t), groups, figures,
        paging.pager(figures, p -> "/updates/" + id + (p > 1 ? "?page=" + p : ""), t), others,
        older, newer, notice, "/api/v1/updates/" + id);
  }

  static HttpProblem notFound(Object id, Text t) {
    return HttpProblem.said(404, t.t("updates.error.not-found.title"),
        t.t("updates.error.not-found", id));
  }
}
