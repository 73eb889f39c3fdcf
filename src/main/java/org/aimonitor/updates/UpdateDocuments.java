package org.aimonitor.updates;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.aimonitor.api.ApiDocuments;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.ImportLog;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Source;

/**
 * The JSON documents of {@code /api/v1/updates}: like the rest of the API, snake_case field
 * names that are never renamed, values as stored, English words where there are words.
 */
public final class UpdateDocuments {

  private UpdateDocuments() {
  }

  /** What an import did to one table ({@code table} names its file, as {@code files} do). */
  public record TableDoc(String table, int rows, int added, int changed, int unchanged) {
  }

  /**
   * One import: when (an ISO instant), by whom and why (null when no reason was given), its
   * totals and files as the log recorded them, its counts per table, and the addresses of its
   * changes (API) and its page.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record UpdateDoc(long id, String importedAt, String who, String reason, int added,
      int changed, int unchanged, List<ImportLog.LoggedFile> files, List<TableDoc> tables, String changes,
      String page) {

    static UpdateDoc of(ImportLog.Entry log) {
      return new UpdateDoc(log.id(), log.importedAt(), log.who(), log.reason(), log.added(),
          log.changed(), log.unchanged(), log.loggedFiles(), log.tables().stream().map(c -> new TableDoc(
              c.table().fileName(), c.rows(), c.added(), c.changed(), c.unchanged())).toList(),
          "/api/v1/updates/" + log.id(), "/updates/" + log.id());
    }
  }

  /** A page of imports, newest first; {@code next} is the address of the next page, or null. */
  public record UpdateList(List<UpdateDoc> updates, String next) {
  }

  /** A figure's state: the published decimal in the indicator's unit, and its qualifier code. */
  public record StateDoc(BigDecimal value, String qualifier, boolean headline, String note) {
    static StateDoc of(FigureChanges.State s) {
      return s == null ? null : new StateDoc(s.value(), s.qualifier().code(), s.headline(), s.note());
    }
  }

  /**
   * A figure the import added ({@code kind} "added", {@code before} null) or changed
   * ("changed"); {@code figure} and {@code figure_before} are the values as the site writes
   * them, {@code replaced_by_import} the later import that replaced this state, or null.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record FigureChangeDoc(String indicator, String region, String period, String kind,
      StateDoc before, StateDoc after, String figureBefore, String figure,
      ApiDocuments.SourceRef source, Long replacedByImport) {

    static FigureChangeDoc of(FigureChanges.Change c, ChangeViews.Lookup lookup) {
      Indicator i = lookup.indicators().get(c.indicator());
      Source s = lookup.sources().get(c.source());
      return new FigureChangeDoc(c.indicator(), c.region(), c.period().code(),
          c.added() ? "added" : "changed", StateDoc.of(c.before()), StateDoc.of(c.after()),
          c.before() == null || i == null ? null
              : Text.EN.figure(i, c.before().value(), c.before().qualifier()),
          i == null ? null : Text.EN.figure(i, c.after().value(), c.after().qualifier()),
          s == null ? new ApiDocuments.SourceRef(c.source(), null, null, null, null)
              : new ApiDocuments.SourceRef(s.id(), s.publisher(), s.title(), s.url(),
                  s.publishedOn() == null ? null : s.publishedOn().code()),
          c.replacedBy());
    }
  }

  /**
   * A row of another table the import added or changed: its cells as the CSV files write them
   * ({@code before} null when added).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record RowChangeDoc(String table, String kind, String key, Map<String, String> before,
      Map<String, String> after, Long replacedByImport) {

    static RowChangeDoc of(RowChanges.Change c) {
      return new RowChangeDoc(c.table().fileName(), c.added() ? "added" : "changed", c.key(),
          c.before(), c.after(), c.replacedBy());
    }
  }

  /**
   * One import with its figure changes a page at a time ({@code total} in all; {@code next} the
   * address of the next page, or null), and on the first page the first rows it added or
   * changed in each other table.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record UpdateDetail(UpdateDoc update, long total, List<FigureChangeDoc> changes,
      List<RowChangeDoc> otherChanges, String next) {
  }
}
