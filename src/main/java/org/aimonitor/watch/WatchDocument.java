package org.aimonitor.watch;

import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON twin of a watch ({@code /figures/changes.json?ids=…&since=…}), in English: each
 * figure then and now with its qualifier, its status and the revisions since with their
 * imports' reasons. Field names are part of the API (docs/api.md).
 */
public record WatchDocument(List<Long> ids, String since, int revised, int unchanged, int added,
    List<FigureDoc> figures, String page, String feed) {

  /** One figure of the list; {@code then} fields are null when it was not yet published then. */
  public record FigureDoc(long id, String indicator, String unit, String period, String status,
      BigDecimal thenValue, String thenQualifier, String then, BigDecimal nowValue,
      String nowQualifier, String now, String difference, List<ChangeDoc> revisions,
      String page) {
  }

  /** A revision since the cited day. */
  public record ChangeDoc(String before, String after, String recordedAt, Long importId,
      String reason) {
  }

  static WatchDocument of(WatchView v) {
    return new WatchDocument(v.list().ids(), v.list().since() == null ? null : v.list().since().toString(),
        v.revised(), v.unchanged(), v.added(), v.rows().stream().map(r -> new FigureDoc(r.id(),
            r.indicator(), r.unit(), r.period(), r.status(), r.thenValue(), r.thenQualifier(),
            r.then(), r.nowValue(), r.nowQualifier(), r.now(), r.difference(),
            r.changes().stream().map(c -> new ChangeDoc(c.before(), c.after(), c.recordedAt(),
                c.importId(), c.reason())).toList(), r.href())).toList(),
        v.href(), v.feedHref());
  }
}
