package org.aimonitor.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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

  public record IndicatorList(List<IndicatorSummary> indicators) {
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

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record IndicatorDetail(IndicatorDoc indicator, FilterDoc filter, long dataVersion,
      List<ObservationDoc> observations) {
  }

  /** A source with the indicators its figures belong to. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record SourceDoc(String id, String publisher, String title, String url, String publishedOn,
      String language, String reliability, String note, List<String> indicators) {
  }

  public record SourceList(List<SourceDoc> sources) {
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record EventDoc(String date, String category, String title, String titleZh,
      String description, SourceRef source) {
  }

  public record EventList(List<EventDoc> events) {
  }

  public static IndicatorList indicators(Snapshot data) {
    return new IndicatorList(IndicatorCatalog.ordered(data).stream()
        .map(i -> {
          Optional<Observation> latest = IndicatorCatalog.latest(data, i);
          return new IndicatorSummary(i.code(), i.category(), i.nameEn(), i.unit(),
              latest.map(o -> ObservationDoc.of(data, i, o)).orElse(null));
        })
        .toList());
  }

  /** The same observations, in the same order, as the indicator page and its CSV. */
  public static IndicatorDetail indicator(IndicatorData d) {
    return new IndicatorDetail(IndicatorDoc.of(d.indicator()), FilterDoc.of(d.filter()),
        d.snapshot().dataVersion(),
        d.observations().stream().map(o -> ObservationDoc.of(d.snapshot(), d.indicator(), o)).toList());
  }

  public static SourceList sources(Snapshot data) {
    Map<String, List<String>> backs = data.observations().stream()
        .collect(Collectors.groupingBy(Observation::source,
            Collectors.mapping(Observation::indicator,
                Collectors.collectingAndThen(Collectors.toList(),
                    l -> l.stream().distinct().toList()))));
    return new SourceList(data.sources().values().stream()
        .map(s -> new SourceDoc(s.id(), s.publisher(), s.title(), s.url(),
            s.publishedOn() == null ? null : s.publishedOn().code(), s.language(),
            s.reliability(), s.note(), backs.getOrDefault(s.id(), List.of())))
        .toList());
  }

  public static EventList events(Snapshot data) {
    return new EventList(data.events().stream()
        .sorted(java.util.Comparator.comparing(Event::date))
        .map(e -> new EventDoc(e.date().code(), e.category(), e.titleEn(), e.titleZh(),
            e.descriptionEn(), SourceRef.of(data.source(e.source()))))
        .toList());
  }
}
