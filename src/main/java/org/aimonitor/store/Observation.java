package org.aimonitor.store;

import java.math.BigDecimal;

/**
 * One source's figure for an indicator, region and period. Exactly one observation per
 * (indicator, region, period) is the headline that charts use.
 */
public record Observation(
    String indicator,
    String region,
    Period period,
    BigDecimal value,
    Qualifier qualifier,
    String source,
    boolean headline,
    String note) {
}
