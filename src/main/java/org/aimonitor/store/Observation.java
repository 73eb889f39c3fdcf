package org.aimonitor.store;

import java.math.BigDecimal;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * One source's figure for an indicator, region and period. Exactly one observation per
 * (indicator, region, period) is the headline that charts use. {@code breakBefore}: the figure
 * is not comparable with the one before it in its series (a series break or a change of
 * definition), so no chart joins the two; {@code doubtful}: its note calls it doubtful.
 */
public record Observation(
    String indicator,
    String region,
    Period period,
    BigDecimal value,
    Qualifier qualifier,
    String source,
    boolean headline,
    String note,
    boolean breakBefore,
    boolean doubtful) {

  @JdbiConstructor
  public Observation {
  }

  /** A figure comparable with the one before it and not marked doubtful. */
  public Observation(String indicator, String region, Period period, BigDecimal value,
      Qualifier qualifier, String source, boolean headline, String note) {
    this(indicator, region, period, value, qualifier, source, headline, note, false, false);
  }
}
