package org.aimonitor.region;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.aimonitor.api.ApiDocuments;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Histories;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Keyset;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Region;
import org.aimonitor.store.Source;

/**
 * The JSON documents of {@code /api/v1/regions} and {@code /api/v1/regions/{code}} (and their
 * {@code .json} twins). Field names are part of the API: snake_case, never renamed; values as
 * stored, in English, like the rest of the API.
 */
public final class RegionDocuments {

  private RegionDocuments() {
  }

  /**
   * A place: its names, parent ({@code null} for the world), level, and how many figures,
   * indicators and child places it has.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PlaceDoc(String code, String name, String nameZh, String parent, String level,
      long figures, long indicators, long children) {

    static PlaceDoc of(RegionQueries.Counted c) {
      Region r = c.region();
      return new PlaceDoc(r.code(), r.nameEn(), r.nameZh(), r.parent(), r.level(), c.figures(),
          c.indicators(), c.children());
    }
  }

  /** A page of places; {@code next} is the address of the next page, or null. */
  public record PlaceList(List<PlaceDoc> regions, String next) {
  }

  /**
   * A figure of a place: the indicator it belongs to and its unit, then the fields of an
   * observation as {@code /api/v1/indicators/{code}} gives them.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record FigureDoc(String indicator, String unit, String region, String period,
      String periodLabel, BigDecimal value, String qualifier, boolean headline, String note,
      String noteZh, String figure, ApiDocuments.SourceRef source, String recordedAt, Long importId,
      List<ApiDocuments.RevisionDoc> revisions) {

    static FigureDoc of(Indicator i, Observation o, Source s, History history) {
      return new FigureDoc(i.code(), i.unit(), o.region(), o.period().code(),
          Text.EN.period(i, o), o.value(), o.qualifier().code(),
          o.headline(), o.note(), o.noteZh(), Text.EN.figure(i, o),
          new ApiDocuments.SourceRef(s.id(), s.publisher(), s.title(), s.url(),
              s.publishedOn() == null ? null : s.publishedOn().code()),
          history.recordedAt(), history.importId(),
          history.previous().stream().map(r -> new ApiDocuments.RevisionDoc(
              new BigDecimal(r.value()), r.qualifier(), r.headline(), r.note(), r.recordedAt(),
              r.importId(), r.replacedAt(), r.replacedByImport())).toList());
    }
  }

  /**
   * A place and a page of its figures, by indicator and period: {@code total} figures in all,
   * {@code next} the address of the page after this one, or null.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PlaceDetail(PlaceDoc region, long dataVersion, long total,
      List<FigureDoc> observations, String next) {
  }

  static PlaceDetail detail(RegionQueries.Counted place, long version,
      List<Keyset.Keyed<Histories.Recorded>> figures,
      Map<String, Indicator> indicators, Map<String, Source> sources,
      Map<String, History> histories, String next) {
    return new PlaceDetail(PlaceDoc.of(place), version, place.figures(), figures.stream()
        .map(f -> {
          Observation o = f.row().observation();
          return FigureDoc.of(indicators.get(o.indicator()), o, sources.get(o.source()),
              histories.getOrDefault(History.key(o), History.UNKNOWN));
        }).toList(), next);
  }
}
