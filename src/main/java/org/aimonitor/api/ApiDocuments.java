package org.aimonitor.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import org.aimonitor.i18n.Text;
import org.aimonitor.indicator.Filter;
import org.aimonitor.indicator.IndicatorCatalog;
import org.aimonitor.indicator.IndicatorData;
import org.aimonitor.store.Event;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.History;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Snapshot;
import org.aimonitor.store.Source;

/**
 * The JSON documents of {@code /api/v1}. Field names are part of the API (README, "JSON API"):
 * snake_case, never renamed; new fields may be added. Values are exactly as stored.
 */
public final class ApiDocuments {

  private ApiDocuments() {
  }

  /** A source as cited by a figure or an event. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record SourceRef(String id, String publisher, String title, String url, String publishedOn) {
    static SourceRef of(Source s) {
      return new SourceRef(s.id(), s.publisher(), s.title(), s.url(),
          s.publishedOn() == null ? null : s.publishedOn().code());
    }
  }

  /**
   * One figure. {@code value} is the published decimal in the indicator's unit; {@code figure}
   * is how the site writes it (qualifier sign, unit, "(forecast)").
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ObservationDoc(String region, String period, String periodLabel, BigDecimal value,
      String qualifier, boolean headline, String note, String figure, SourceRef source,
      String recordedAt, Long importId, List<RevisionDoc> revisions) {
    static ObservationDoc of(Snapshot data, Indicator indicator, Observation o) {
      History history = data.history(o);
      return new ObservationDoc(o.region(), o.period().code(),
          IndicatorCatalog.periodLabel(Text.EN, indicator, o), o.value(), o.qualifier().code(),
          o.headline(), o.note(), Text.EN.figure(indicator, o), SourceRef.of(data.source(o.source())),
          history.recordedAt(), history.importId(),
          history.previous().stream().map(RevisionDoc::of).toList());
    }
  }

  /**
   * A state the figure had before an import replaced it, newest first: what it said, when it
   * had been recorded (and by which import), and when and by which import it was replaced.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record RevisionDoc(BigDecimal value, String qualifier, boolean headline, String note,
      String recordedAt, Long importId, String replacedAt, long replacedByImport) {
    static RevisionDoc of(History.Revision r) {
      return new RevisionDoc(new BigDecimal(r.value()), r.qualifier(), r.headline(), r.note(),
          r.recordedAt(), r.importId(), r.replacedAt(), r.replacedByImport());
    }
  }

  /** An entry of the indicator list, with its latest headline figure ({@code null} if none). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record IndicatorSummary(String code, String category, String name, String unit,
      ObservationDoc latest) {
  }

  /** A page of the indicator list; {@code next} is the address of the next page, or null. */
  public record IndicatorList(List<IndicatorSummary> indicators, String next) {
  }

  /** An indicator in full: names, units and definitions in English and Chinese. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record IndicatorDoc(String code, String category, String name, String nameZh, String unit,
      String unitEn, String unitZh, int decimals, String definition, String definitionZh) {
    static IndicatorDoc of(Indicator i) {
      return new IndicatorDoc(i.code(), i.category(), i.nameEn(), i.nameZh(), i.unit(), i.unitEn(),
          i.unitZh(), i.decimals(), i.definitionEn(), i.definitionZh());
    }
  }

  /** The filter a detail answer applied, echoed so a saved answer says what it holds. */
  public record FilterDoc(String region, Integer from, Integer to) {
    static FilterDoc of(Filter f) {
      return new FilterDoc(f.region(), f.from(), f.to());
    }
  }

  /**
   * One indicator's figures under a filter, a page at a time: {@code total} figures match the
   * filter, {@code next} is the address of the page after this one, or null.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record IndicatorDetail(IndicatorDoc indicator, FilterDoc filter, long dataVersion,
      long total, List<ObservationDoc> observations, String next) {
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
      String description, SourceRef source) {
  }

  public record EventList(List<EventDoc> events, String next) {
  }

  /** A page of indicators with their latest figures; {@code sources} holds the ones those cite. */
  public static IndicatorList indicators(List<IndicatorCatalog.Latest> latest, Snapshot cited,
      String next) {
    return new IndicatorList(latest.stream()
        .map(l -> new IndicatorSummary(l.indicator().code(), l.indicator().category(),
            l.indicator().nameEn(), l.indicator().unit(),
            l.figure() == null ? null : ObservationDoc.of(cited, l.indicator(), l.figure())))
        .toList(), next);
  }

  /** The same observations, in the same order, as the indicator page and its CSV. */
  public static IndicatorDetail indicator(IndicatorData d, String next) {
    return new IndicatorDetail(IndicatorDoc.of(d.indicator()), FilterDoc.of(d.filter()),
        d.snapshot().dataVersion(), d.total(),
        d.observations().stream().map(o -> ObservationDoc.of(d.snapshot(), d.indicator(), o)).toList(),
        next);
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
        SourceRef.of(source));
  }
}
