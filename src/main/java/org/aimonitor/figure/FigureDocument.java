package org.aimonitor.figure;

import java.math.BigDecimal;
import java.util.List;
import org.aimonitor.api.ApiDocuments;

/**
 * The JSON twin of a figure's page ({@code /figures/{id}.json}), in English: the figure as the page
 * shows it (today's state, or the vintage's), every state it has had, and its links. Field names
 * are part of the API (docs/api.md).
 */
public record FigureDocument(long id, String indicator, String region, String period,
    String periodLabel, String unit, BigDecimal value, String qualifier, boolean headline,
    String note, String figure, ApiDocuments.SourceRef source, String vintage, String asOf,
    boolean publishedThen, List<StateDoc> states, String page, String indicatorPage,
    String citation, String feed, long dataVersion) {

  /** One state the figure has had, oldest first. */
  public record StateDoc(BigDecimal value, String qualifier, boolean headline, String note,
      String recordedAt, Long importId, String importReason, String replacedAt,
      Long replacedByImport, String replacedReason) {
  }

  static FigureDocument of(FigureView v) {
    FigureStates.State shown = v.vintage() == null ? v.states().current()
        : v.vintage().missing() ? null : v.shown().state();
    return new FigureDocument(v.id(), v.indicator().code(), v.region(), v.period(), v.period(),
        v.indicator().unitEn(), shown == null ? null : shown.value(),
        shown == null ? null : shown.qualifier().code(), shown != null && shown.headline(),
        shown == null ? null : shown.note(), v.vintage() != null && v.vintage().missing() ? null
            : v.shown().figure(), ApiDocuments.SourceRef.of(v.source()),
        v.vintage() == null ? null : v.vintage().kind(), v.vintage() == null ? null : v.vintage().asOf(),
        v.vintage() == null || !v.vintage().missing(),
        v.states().states().stream().map(s -> new StateDoc(s.value(), s.qualifier().code(),
            s.headline(), s.note(), s.recordedAt(), s.importId(),
            FigureView.reason(v.imports(), s.importId()), s.replacedAt(), s.replacedByImport(),
            FigureView.reason(v.imports(), s.replacedByImport()))).toList(),
        v.href(), v.indicatorHref(), v.citationText(), v.href() + ".atom", v.dataVersion());
  }
}
