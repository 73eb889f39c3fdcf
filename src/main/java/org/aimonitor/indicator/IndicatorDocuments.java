package org.aimonitor.indicator;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aimonitor.api.ApiDocuments.RevisionDoc;
import org.aimonitor.api.ApiDocuments.SourceRef;
import org.aimonitor.freshness.Freshness;
import org.aimonitor.freshness.FreshnessQueries;
import org.aimonitor.i18n.Text;
import org.aimonitor.region.Filter;
import org.aimonitor.store.AsOf;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.ViewRows;
import org.jdbi.v3.core.Handle;

/**
 * The JSON documents of {@code /api/v1/indicators} and {@code /api/v1/indicators/{code}} (and
 * the {@code .json} twins of indicator pages). Field names are part of the API (docs/api.md):
 * snake_case, never renamed; new fields may be added. Values are exactly as stored.
 */
public final class IndicatorDocuments {

  private IndicatorDocuments() {
  }

  /**
   * One figure. {@code value} is the published decimal in the indicator's unit; {@code figure}
   * is how the site writes it (qualifier sign, unit, "(forecast)").
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ObservationDoc(String region, String period, String periodLabel, BigDecimal value,
      String qualifier, boolean headline, String note, String noteZh, String figure, SourceRef source,
      String recordedAt, Long importId, List<RevisionDoc> revisions) {
    static ObservationDoc of(ViewRows data, Indicator indicator, Observation o) {
      History history = data.history(o);
      return new ObservationDoc(o.region(), o.period().code(),
          Text.EN.period(indicator, o), o.value(), o.qualifier().code(),
          o.headline(), o.note(), o.noteZh(), Text.EN.figure(indicator, o), SourceRef.of(data.source(o.source())),
          history.recordedAt(), history.importId(),
          history.previous().stream().map(RevisionDoc::of).toList());
    }
  }

  /**
   * An entry of the indicator list, with its latest national headline figure ({@code null} if
   * none); {@code places} is, for an indicator with figures for provinces and cities only, how
   * many places it has figures for ({@code null} otherwise).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record IndicatorSummary(String code, String category, String name, String unit,
      ObservationDoc latest, Long places, FreshnessDoc freshness) {
  }

  /**
   * An indicator's freshness on {@code asOf} (the day the answer was made): its status
   * ({@code current}, {@code due}, {@code overdue}, {@code unscheduled}, {@code unknown}), when
   * its newest figure was published and by which source, the latest period with an actual
   * figure, and the release expected next, or null.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record FreshnessDoc(String asOf, String status, String lastPublished, String lastSource,
      String latestPeriod, NextReleaseDoc nextRelease) {

    static FreshnessDoc of(Freshness.State s, Freshness.Series series, LocalDate today) {
      if (s == null) {
        return null;
      }
      NextReleaseDoc next = series == null || s.expected() == null ? null : new NextReleaseDoc(
          series.series(), series.publisher(), series.nameEn(), series.nameZh(), series.cadence(),
          s.expected().toString(), true, series.basis(),
          series.basisUrl().isEmpty() ? null : series.basisUrl(),
          series.cited() ? List.of() : series.evidence(), s.overdueAfter().toString());
      return new FreshnessDoc(today.toString(), s.status(today).name().toLowerCase(Locale.ROOT),
          s.lastPublished() == null ? null : s.lastPublished().code(), s.lastSource(),
          s.latestPeriod() == null ? null : s.latestPeriod().code(), next);
    }
  }

  /**
   * The release expected next: the series (schedules.csv), the month it is expected in
   * ({@code YYYY-MM}; {@code estimate} is always true: it is never a fact), where the schedule
   * comes from ({@code cited}, with its page, or {@code inferred} from the publication dates of
   * the {@code evidence} sources) and the last day before it counts as overdue.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record NextReleaseDoc(String series, String publisher, String name, String nameZh,
      String cadence, String expectedMonth, boolean estimate, String basis, String basisUrl,
      List<String> evidence, String overdueAfter) {
  }

  /** The freshness of {@code indicators} on {@code today}, read for these indicators only. */
  public static Map<String, FreshnessDoc> freshness(Handle h, Collection<String> indicators,
      LocalDate today) {
    FreshnessQueries q = h.attach(FreshnessQueries.class);
    Map<String, Freshness.State> states = q.states(indicators);
    Map<String, Freshness.Series> schedules = q.schedules(states.values().stream()
        .map(Freshness.State::series).filter(x -> x != null).distinct().toList());
    Map<String, FreshnessDoc> docs = new HashMap<>();
    states.forEach((code, st) -> docs.put(code,
        FreshnessDoc.of(st, st.series() == null ? null : schedules.get(st.series()), today)));
    return docs;
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

  /**
   * The filter a detail answer applied, echoed so a saved answer says what it holds: {@code region}
   * as the parameter wrote it ("CN-BJ,CN-SH" when several places are compared), {@code regions}
   * the same places as a list (empty for all).
   */
  public record FilterDoc(String region, List<String> regions, Integer from, Integer to) {
    static FilterDoc of(Filter f) {
      return new FilterDoc(f.regionParam(), f.regions(), f.from(), f.to());
    }
  }

  /**
   * One indicator's figures under a filter, a page at a time: {@code total} figures match the
   * filter, {@code next} is the address of the page after this one, or null; {@code vintage}
   * says which past view the answer holds ({@code as_of}, {@code vintage=first}), or is null
   * for today's data.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record IndicatorDetail(IndicatorDoc indicator, FreshnessDoc freshness, FilterDoc filter,
      long dataVersion, long total, List<ObservationDoc> observations, String next,
      VintageDoc vintage) {
  }

  /**
   * A past view: {@code kind} {@code as_of} (the data as they stood at the end of
   * {@code as_of}, a day) or {@code first} (each figure as first published, {@code as_of} null).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record VintageDoc(String kind, String asOf) {
    static VintageDoc of(AsOf a) {
      return !a.any() ? null : new VintageDoc(a.first() ? "first" : "as_of",
          a.asOf() == null ? null : a.asOf().toString());
    }
  }

  /** A page of indicators with their latest figures; {@code sources} holds the ones those cite. */
  public static IndicatorList indicators(List<IndicatorQueries.Latest> latest, ViewRows cited,
      Map<String, FreshnessDoc> freshness, String next) {
    return new IndicatorList(latest.stream()
        .map(l -> new IndicatorSummary(l.indicator().code(), l.indicator().category(),
            l.indicator().nameEn(), l.indicator().unit(),
            l.figure() == null ? null : ObservationDoc.of(cited, l.indicator(), l.figure()),
            l.figure() == null && l.places() > 0 ? l.places() : null,
            freshness.get(l.indicator().code())))
        .toList(), next);
  }

  /** The same observations, in the same order, as the indicator page and its CSV. */
  public static IndicatorDetail indicator(IndicatorData d, FreshnessDoc freshness, String next) {
    return new IndicatorDetail(IndicatorDoc.of(d.indicator()), freshness, FilterDoc.of(d.filter()),
        d.rows().dataVersion(), d.total(),
        d.observations().stream().map(o -> ObservationDoc.of(d.rows(), d.indicator(), o)).toList(),
        next, VintageDoc.of(d.asOf()));
  }

}
