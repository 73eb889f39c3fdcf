package org.aimonitor.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import org.aimonitor.store.Event;
import org.aimonitor.store.History;
import org.aimonitor.store.Source;

/**
 * The JSON documents of {@code /api/v1/sources} and {@code /api/v1/events}, and the parts that
 * every API document shares (a cited source, a replaced state). Field names are part of the API
 * (docs/api.md): snake_case, never renamed; new fields may be added. Values are exactly as
 * stored. The indicators', places' and imports' documents are their features' own
 * (IndicatorDocuments, RegionDocuments, UpdateDocuments).
 */
public final class ApiDocuments {

  private ApiDocuments() {
  }

  /** A source as cited by a figure or an event. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record SourceRef(String id, String publisher, String title, String url, String publishedOn) {
    public static SourceRef of(Source s) {
      return new SourceRef(s.id(), s.publisher(), s.title(), s.url(),
          s.publishedOn() == null ? null : s.publishedOn().code());
    }
  }

  /**
   * A state the figure had before an import replaced it, newest first: what it said, when it
   * had been recorded (and by which import), and when and by which import it was replaced.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record RevisionDoc(BigDecimal value, String qualifier, boolean headline, String note,
      String recordedAt, Long importId, String replacedAt, long replacedByImport) {
    public static RevisionDoc of(History.Revision r) {
      return new RevisionDoc(new BigDecimal(r.value()), r.qualifier(), r.headline(), r.note(),
          r.recordedAt(), r.importId(), r.replacedAt(), r.replacedByImport());
    }
  }

  /** A source with the indicators its figures belong to. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record SourceDoc(String id, String publisher, String title, String url, String publishedOn,
      String language, String reliability, String note, List<String> indicators) {
  }

  public record SourceList(List<SourceDoc> sources, String next) {
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record EventDoc(String date, String category, String title, String titleZh,
      String description, String descriptionZh, SourceRef source) {
  }

  public record EventList(List<EventDoc> events, String next) {
  }

  /** A source as the API lists it, with the indicators its figures belong to. */
  public static SourceDoc source(Source s, List<String> indicators) {
    return new SourceDoc(s.id(), s.publisher(), s.title(), s.url(),
        s.publishedOn() == null ? null : s.publishedOn().code(), s.language(), s.reliability(),
        s.note(), indicators);
  }

  /** An event as the API lists it, with the source it cites. */
  public static EventDoc event(Event e, Source source) {
    return new EventDoc(e.date().code(), e.category(), e.titleEn(), e.titleZh(), e.descriptionEn(),
        e.descriptionZh(), SourceRef.of(source));
  }
}
